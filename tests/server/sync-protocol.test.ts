import { describe, expect, it } from 'vitest';
import { dayKind, daysBetween } from '../../src/lib/domain/agenda/calendar.ts';
import {
	SYNC_SCHEMA_VERSION,
	type BulkPayload,
	type PushResponse
} from '../../src/lib/domain/sync/protocol.ts';
import { loadCalendar } from '../../server/agenda/agenda-data.ts';
import {
	bulk,
	cancel,
	create,
	pull,
	push,
	pushOne,
	pushRequest,
	rowCounts,
	withDupinFamily,
	withMartinFamily,
	dupins
} from './support/agenda.ts';
import { expectError } from './support/expect.ts';
import { json, TestClient } from './support/http-client.ts';
import { testApp } from './support/test-app.ts';

const NOW = '2026-11-28T09:00:00Z';
const CANTEEN = 'restauration-midi';
const bulkOf = (personId: number): BulkPayload => ({
	personIds: [personId],
	action: 'creer',
	from: '2026-12-07',
	to: '2026-12-11',
	activityCodes: [CANTEEN],
	periodicity: 'aucune',
	weekdays: []
});

describe('push applies each mutation exactly once', () => {
	it('answers a replay with the stored answer: one booking, one history line, one ledger line', async () => {
		const { ctx, client, timId } = await dupins();
		const m = create(timId, CANTEEN, '2026-12-03');
		const first = await pushOne(client, m);
		expect(first).toEqual({ id: m.id, status: 'applied' });
		expect(await pushOne(client, m)).toEqual(first);
		// Even twice in the same push (an outbox sent again before its answer came back).
		expect((await push(client, m, m)).body.results).toEqual([first, first]);
		expect(await rowCounts(ctx)).toEqual({ reservations: 1, history: 1, ledger: 1, applied: 1 });
	});

	it('gives one effect when the same mutation comes in two parallel requests', async () => {
		const { ctx, client, timId } = await dupins();
		// Not among the year's activities: the answers are the same whichever request goes first.
		const one = create(timId, 'garderie-matin-gratuite', '2026-12-03');
		const year = bulk({
			personIds: [timId],
			action: 'creer',
			from: '2026-11-30',
			to: '2027-02-19',
			activityCodes: [CANTEEN, 'garderie-soir-payante'],
			periodicity: 'hebdomadaire',
			weekdays: [0, 1, 3, 4]
		});
		const responses = await Promise.all([
			pushRequest(client, [one, year]),
			pushRequest(client, [one, year]),
			pushRequest(client, [year])
		]);
		expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
		const [a, b, c] = await Promise.all(responses.map((r) => json<PushResponse>(r)));
		expect(b?.results).toEqual(a?.results);
		expect(c?.results).toEqual(a?.results.slice(1));
		expect(a?.results[0]).toEqual({ id: one.id, status: 'applied' });
		const booked = a?.results[1]?.status === 'applied' ? (a.results[1].summary?.booked ?? 0) : 0;
		expect(booked).toBeGreaterThan(50);
		expect(await rowCounts(ctx)).toEqual({
			reservations: booked + 1,
			history: booked + 1,
			ledger: booked + 1,
			applied: 2
		});
	});

	it('books a day once when two devices send two different mutations for it at once', async () => {
		const { ctx, client, timId } = await dupins();
		const responses = await Promise.all([
			pushRequest(client, [create(timId, CANTEEN, '2026-12-03')]),
			pushRequest(client, [create(timId, CANTEEN, '2026-12-03')])
		]);
		const results = (await Promise.all(responses.map((r) => json<PushResponse>(r)))).flatMap(
			(r) => r.results
		);
		expect(results.map((r) => ('code' in r ? r.code : r.status)).sort()).toEqual(['applied', 'deja-reserve']);
		expect(await rowCounts(ctx)).toMatchObject({ reservations: 1, ledger: 1 });
	});

	it('keeps a rejection as it was given, whatever happened since', async () => {
		const { ctx, client, timId } = await dupins();
		ctx.clock.set('2026-12-02T09:00:00Z'); // Wednesday 10:00: Thursday's canteen is closed
		const late = create(timId, CANTEEN, '2026-12-03');
		const rejected = await pushOne(client, late);
		expect(rejected).toMatchObject({ status: 'rejected', code: 'delai-depasse' });
		ctx.clock.set('2026-11-28T09:00:00Z'); // the server's clock corrected: it would now be accepted…
		expect(await pushOne(client, late)).toEqual(rejected); // …but a replay is the same mutation
		// And an applied booking replayed after its deadline is still applied, without a second effect.
		const early = create(timId, CANTEEN, '2026-12-04');
		await pushOne(client, early);
		ctx.clock.set('2026-12-04T09:00:00Z');
		expect(await pushOne(client, early)).toEqual({ id: early.id, status: 'applied' });
		expect(await rowCounts(ctx)).toEqual({ reservations: 1, history: 1, ledger: 1, applied: 2 });
	});

	it('applies a push in order: a booking cancelled later in the same push leaves nothing booked', async () => {
		const { ctx, client, timId } = await dupins();
		const { body } = await push(
			client,
			create(timId, CANTEEN, '2026-12-03'),
			cancel(timId, CANTEEN, '2026-12-03'),
			cancel(timId, CANTEEN, '2026-12-04'),
			create(timId, CANTEEN, '2026-12-04')
		);
		expect(body.results.map((r) => ('code' in r ? r.code : r.status))).toEqual([
			'applied',
			'applied',
			'non-reserve',
			'applied'
		]);
		const left = await ctx.db.selectFrom('reservation').select('service_date').execute();
		expect(left).toEqual([{ service_date: '2026-12-04' }]);
		expect(await rowCounts(ctx)).toMatchObject({ history: 3, ledger: 3 });
	});

	it('refuses a mutation id already used by another household, writing nothing', async () => {
		const ctx = await testApp({ now: NOW });
		const dupin = await withDupinFamily(ctx);
		const martin = await withMartinFamily(ctx, ['restauration-scolaire']);
		const m = create(dupin.timId, CANTEEN, '2026-12-03');
		await pushOne(dupin.client, m);
		const stolen = { ...create(martin.leaId, CANTEEN, '2026-12-03'), id: m.id };
		expect(await pushOne(martin.client, stolen)).toMatchObject({ status: 'rejected', code: 'conflit' });
		expect(await rowCounts(ctx)).toEqual({ reservations: 1, history: 1, ledger: 1, applied: 1 });
	});
});

describe('push: what the request itself may be', () => {
	it('answers "illisible" for a malformed mutation without affecting the others', async () => {
		const { ctx, client, timId } = await dupins();
		const good = [create(timId, CANTEEN, '2026-12-03'), create(timId, CANTEEN, '2026-12-04')];
		const badId = '6f9c1d52-0b57-4c1e-9d53-2d3f4e5a6b7c';
		const { status, body } = await push(
			client,
			good[0],
			{ ...create(timId, CANTEEN, '2026-12-07'), id: badId, payload: { personId: 'Tim' } },
			{ ...create(timId, CANTEEN, '2026-12-08'), kind: 'reservation.create.v9' },
			{ ...create(timId, CANTEEN, '2026-12-08'), id: 'pas-un-uuid' },
			null,
			42,
			good[1]
		);
		expect(status).toBe(200);
		expect(body.results.map((r) => ('code' in r ? r.code : r.status))).toEqual([
			'applied',
			...Array(5).fill('illisible'),
			'applied'
		]);
		expect(body.results[1]).toEqual({
			id: badId,
			status: 'rejected',
			code: 'illisible',
			reason: 'Modification illisible : elle a été ignorée.'
		});
		expect(body.results[4]?.id).toBe('');
		expect(await rowCounts(ctx)).toEqual({ reservations: 2, history: 2, ledger: 2, applied: 2 });
	});

	it('answers "illisible" for hostile shapes within the body limit, and applies the others', async () => {
		const { ctx, client, timId } = await dupins();
		// As text: this test's own JSON.stringify would overflow the stack on the deep array.
		const deep = `${'['.repeat(300_000)}1${']'.repeat(300_000)}`;
		const keys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
		const m = { ...bulk(bulkOf(timId)), id: create(timId, CANTEEN, '2026-12-07').id };
		const stringify = (value: unknown) => JSON.stringify(value);
		const swap = (field: string, text: string) => stringify({ ...m, [field]: '§' }).replace('"§"', text);
		// Nested deeper than any payload (String(id) of it overflowed the stack): the whole push is
		// refused before it is parsed, nothing applied.
		for (const field of ['id', 'kind', 'payload']) {
			const res = await ctx.app.request('/api/sync/push', {
				method: 'POST',
				headers: {
					Origin: 'http://localhost',
					'Content-Type': 'application/json',
					Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
				},
				body: `{"schemaVersion":${SYNC_SCHEMA_VERSION},"mutations":[${swap(field, deep)}]}`
			});
			expect(res.status, field).toBe(400);
			expect((await json<{ error: { code: string } }>(res)).error.code).toBe('json_too_deep');
		}
		const hostile = [
			stringify({ ...m, id: 'x'.repeat(500_000) }), // read, but never echoed back
			stringify({ ...keys, ...m, kind: 'reservation.create.v1' }),
			stringify({ ...m, payload: { ...bulkOf(timId), personIds: Array(50_000).fill(timId) } }),
			stringify({ ...m, payload: { ...bulkOf(timId), ...keys, weekdays: Array(50_000).fill(9) } })
		];
		const SCHOOL_DAYS = ['03', '04', '07', '08', '10', '11', '14'].map((d) => `2026-12-${d}`);
		for (const [i, text] of hostile.entries()) {
			const good = create(timId, 'garderie-soir-gratuite', SCHOOL_DAYS[i] ?? '');
			const res = await ctx.app.request('/api/sync/push', {
				method: 'POST',
				headers: {
					Origin: 'http://localhost',
					'Content-Type': 'application/json',
					Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
				},
				body: `{"schemaVersion":${SYNC_SCHEMA_VERSION},"mutations":[${text},${stringify(good)}]}`
			});
			expect(res.status, `mutation ${i}`).toBe(200);
			expect((await json<PushResponse>(res)).results, `mutation ${i}`).toEqual([
				{
					id: i < 1 ? '' : m.id,
					status: 'rejected',
					code: 'illisible',
					reason: 'Modification illisible : elle a été ignorée.'
				},
				{ id: good.id, status: 'applied' }
			]);
		}
		expect(await rowCounts(ctx)).toMatchObject({ reservations: hostile.length, applied: hostile.length });
	});

	it('tells an outdated client to reload (409), and refuses a request that is not a push (400)', async () => {
		const { ctx, client, timId } = await dupins();
		const m = create(timId, CANTEEN, '2026-12-03');
		await expectError(await pushRequest(client, [m], 0), 409, {
			code: 'client_outdated',
			message: /rechargez/
		});
		await expectError(await client.post('/api/sync/push', { mutations: [m] }), 400, {
			fields: { schemaVersion: /rechargez la page/ }
		});
		// A client of another version is told to reload even when its body is not understood.
		await expectError(await client.post('/api/sync/push', { schemaVersion: 2, changes: 'v2' }), 409, {
			code: 'client_outdated'
		});
		await expectError(
			await client.post('/api/sync/push', {
				schemaVersion: 1,
				mutations: [],
				padding: 'x'.repeat(1_100_000)
			}),
			413,
			{ code: 'payload_too_large' }
		);
		await expectError(await pushRequest(client, Array(501).fill(m)), 400);
		expect(await rowCounts(ctx)).toEqual({ reservations: 0, history: 0, ledger: 0, applied: 0 });
	});

	it('answers 401 to a signed-out device, which keeps its outbox', async () => {
		const { ctx, timId } = await dupins();
		const anonymous = new TestClient(ctx.app, { ip: '192.0.2.99' });
		await expectError(await pushRequest(anonymous, [create(timId, CANTEEN, '2026-12-03')]), 401, {
			code: 'unauthenticated'
		});
		await expectError(
			await anonymous.get('/api/sync/pull?from=2026-12-01&to=2026-12-31&schemaVersion=1'),
			401
		);
		expect(await rowCounts(ctx)).toMatchObject({ reservations: 0, applied: 0 });
	});

	it('answers a push of 200 mutations with 200 results, in order', async () => {
		const { ctx, client, timId } = await dupins();
		const calendar = await loadCalendar(ctx.db);
		const days = daysBetween('2026-11-30', '2027-04-30')
			.filter((d) => dayKind(calendar, d).open === 'school')
			.slice(0, 50);
		expect(days).toHaveLength(50);
		const codes = [CANTEEN, 'garderie-matin-payante', 'garderie-soir-gratuite', 'garderie-soir-payante'];
		const mutations = days.flatMap((d) => codes.map((code) => create(timId, code, d)));
		const { status, body } = await push(client, ...mutations);
		expect(status).toBe(200);
		expect(body.results.map((r) => r.id)).toEqual(mutations.map((m) => m.id));
		expect(body.results.every((r) => r.status === 'applied')).toBe(true);
		expect(body.version).toBe(200);
		expect(await rowCounts(ctx)).toEqual({ reservations: 200, history: 200, ledger: 200, applied: 200 });
	});

	it('raises the household version for applied changes only', async () => {
		const { client, timId } = await dupins();
		expect((await pull(client, '2026-12-01', '2026-12-31')).version).toBe(0);
		expect((await push(client, create(timId, CANTEEN, '2026-12-03'))).body.version).toBe(1);
		const refused = await push(
			client,
			create(timId, CANTEEN, '2026-12-02'),
			create(timId, CANTEEN, '2026-12-03')
		);
		expect(refused.body.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect(refused.body.version).toBe(1);
		const nothingDone = bulk({
			personIds: [timId],
			action: 'supprimer',
			from: '2026-12-07',
			to: '2026-12-11',
			activityCodes: [CANTEEN],
			periodicity: 'aucune',
			weekdays: []
		});
		expect((await push(client, nothingDone)).body.version).toBe(1);
		expect((await push(client, cancel(timId, CANTEEN, '2026-12-03'))).body.version).toBe(2);
		expect((await pull(client, '2026-12-01', '2026-12-31')).version).toBe(2);
	});
});
