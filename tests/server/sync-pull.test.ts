import { describe, expect, it } from 'vitest';
import { TOWN_ACTIVITIES } from '../../src/lib/domain/agenda/activities.ts';
import { CLAIRE, registerCitizen } from './support/accounts.ts';
import {
	cancel,
	create,
	enrol,
	pull,
	pullRequest,
	push,
	pushOne,
	withDupinFamily,
	withMartinFamily,
	dupins
} from './support/agenda.ts';
import { expectError } from './support/expect.ts';
import { TestClient } from './support/http-client.ts';
import { testApp } from './support/test-app.ts';

const NOW = '2026-11-28T09:00:00Z';
const CANTEEN = 'restauration-midi';
const CENTRE = 'centre-de-loisirs';

describe('GET /api/sync/pull', () => {
	it('checks the window: dates, order, at most 120 days, and the client’s schema version', async () => {
		const { client } = await dupins();
		await expectError(await pullRequest(client, '2026-12-31', '2026-12-01'), 400, {
			code: 'invalid_window',
			message: 'Période invalide : la fin précède le début.'
		});
		await expectError(await pullRequest(client, '2026-12-01', '2027-04-01'), 400, {
			code: 'invalid_window',
			message: 'Période invalide : au plus 120 jours à la fois.'
		});
		expect((await pullRequest(client, '2026-12-01', '2027-03-31')).status).toBe(200); // 120 days
		for (const from of ['2026-02-30', 'demain', '']) {
			await expectError(await pullRequest(client, from, '2026-03-01'), 400, {
				code: 'invalid_window',
				message: 'Période invalide : les dates sont attendues au format AAAA-MM-JJ.'
			});
		}
		for (const version of ['', '&schemaVersion=un']) {
			await expectError(await client.get(`/api/sync/pull?from=2026-12-01&to=2026-12-31${version}`), 400, {
				message: /rechargez la page/
			});
		}
		await expectError(await pullRequest(client, '2026-12-01', '2026-12-31', 0), 409, {
			code: 'client_outdated'
		});
	});

	it('gives what the agenda needs offline: persons with sessions, activities, calendar', async () => {
		const { client, timId } = await dupins();
		const snapshot = await pull(client, '2026-12-01', '2026-12-31');
		expect(snapshot).toMatchObject({
			version: 0,
			from: '2026-12-01',
			to: '2026-12-31',
			reservations: [],
			capacity: [],
			history: [],
			historyTruncated: false
		});
		// Pascal has no enrolment, so no agenda: only Tim is listed.
		expect(snapshot.persons).toEqual([
			{ id: timId, nom: 'DUPIN', prenom: 'Tim', sessions: ['garderie', 'restauration-scolaire'] }
		]);
		expect(snapshot.activities).toEqual(TOWN_ACTIVITIES);
		expect(snapshot.calendar.schoolYears).toEqual([
			{ id: '2026-2027', startsOn: '2026-09-01', endsOn: '2027-07-02' }
		]);
		expect(snapshot.calendar.closures).toEqual(
			expect.arrayContaining([
				{ kind: 'vacances', label: 'Vacances de Noël', startsOn: '2026-12-19', endsOn: '2027-01-03' },
				{ kind: 'ferie', label: 'Armistice 1918', startsOn: '2026-11-11', endsOn: '2026-11-11' }
			])
		);
	});

	it('returns the reservations and history lines of the window only, history newest first', async () => {
		const { ctx, client, timId } = await dupins();
		await push(
			client,
			create(timId, CANTEEN, '2026-11-30'),
			create(timId, CANTEEN, '2026-12-03'),
			create(timId, CANTEEN, '2026-12-04'),
			create(timId, CANTEEN, '2027-01-05')
		);
		ctx.clock.set('2026-11-28T11:30:00Z');
		await pushOne(client, cancel(timId, CANTEEN, '2026-12-04'));

		const snapshot = await pull(client, '2026-12-01', '2026-12-31');
		expect(snapshot.version).toBe(5); // one per applied mutation
		expect(snapshot.reservations).toEqual([{ personId: timId, activityCode: CANTEEN, date: '2026-12-03' }]);
		const line = { personId: timId, activityCode: CANTEEN, author: 'DUPIN Pascal' };
		expect(snapshot.history).toEqual([
			{ ...line, date: '2026-12-04', action: '-', at: '2026-11-28T11:30:00.000Z' },
			{ ...line, date: '2026-12-04', action: '+', at: '2026-11-28T09:00:00.000Z' },
			{ ...line, date: '2026-12-03', action: '+', at: '2026-11-28T09:00:00.000Z' }
		]);
		const january = await pull(client, '2027-01-01', '2027-01-31');
		expect(january.reservations.map((r) => r.date)).toEqual(['2027-01-05']);
		expect(january.history.map((h) => h.date)).toEqual(['2027-01-05']);
	});

	it('counts places taken by every household, and never shows one household’s bookings to another', async () => {
		const ctx = await testApp({ now: NOW });
		const dupin = await withDupinFamily(ctx);
		const martin = await withMartinFamily(ctx, ['restauration-scolaire', CENTRE]);
		await enrol(ctx, dupin.timId, CENTRE);
		await push(
			dupin.client,
			create(dupin.timId, CENTRE, '2026-12-02'),
			create(dupin.timId, CANTEEN, '2026-12-03')
		);
		await push(
			martin.client,
			create(martin.leaId, CENTRE, '2026-12-02'),
			create(martin.leaId, CENTRE, '2026-12-09')
		);

		const seenByDupin = await pull(dupin.client, '2026-12-01', '2026-12-31');
		const byDay = (c: { date: string }[]) => [...c].sort((x, y) => x.date.localeCompare(y.date));
		expect(byDay(seenByDupin.capacity)).toEqual([
			{ activityCode: CENTRE, date: '2026-12-02', count: 2 },
			{ activityCode: CENTRE, date: '2026-12-09', count: 1 }
		]);
		expect(seenByDupin.persons.map((p) => p.prenom)).toEqual(['Tim']);
		expect(seenByDupin.reservations.every((r) => r.personId === dupin.timId)).toBe(true);
		expect(seenByDupin.history.every((h) => h.personId === dupin.timId)).toBe(true);
		expect(seenByDupin.version).toBe(2);

		const seenByMartin = await pull(martin.client, '2026-12-01', '2026-12-31');
		expect(seenByMartin.persons).toEqual([
			{ id: martin.leaId, nom: 'MARTIN', prenom: 'Léa', sessions: [CENTRE, 'restauration-scolaire'] }
		]);
		expect(seenByMartin.reservations).toEqual([
			{ personId: martin.leaId, activityCode: CENTRE, date: '2026-12-02' },
			{ personId: martin.leaId, activityCode: CENTRE, date: '2026-12-09' }
		]);
		expect(seenByMartin.history.map((h) => [h.personId, h.author])).toEqual([
			[martin.leaId, 'MARTIN Claire'],
			[martin.leaId, 'MARTIN Claire']
		]);
		expect(seenByMartin.capacity).toEqual(seenByDupin.capacity);
	});

	it('gives a household without enrolled children an empty agenda', async () => {
		const ctx = await testApp({ now: NOW });
		await withDupinFamily(ctx);
		const claire = new TestClient(ctx.app, { ip: '192.0.2.30' });
		await registerCitizen(ctx, claire, CLAIRE);
		expect(await pull(claire, '2026-12-01', '2026-12-31')).toMatchObject({
			version: 0,
			persons: [],
			reservations: [],
			history: []
		});
	});
});
