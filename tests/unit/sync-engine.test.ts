import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { agendaView } from '../../src/lib/domain/agenda/agenda-view.ts';
import { enqueue, pendingChanges } from '../../src/lib/offline/outbox.ts';
import { bulkPayloadSchema } from '../../src/lib/domain/sync/protocol.ts';
import {
	bulkWeight,
	MAX_MUTATION_WEIGHT,
	mutationWeight,
	PUSH_BUDGET
} from '../../src/lib/domain/sync/push-budget.ts';
import { agendaResource } from '../../src/lib/offline/agenda-resource.ts';
import { SyncEngine } from '../../src/lib/offline/sync-engine.ts';
import { deviceDatabases } from './support-device-databases.ts';
import { FakeSyncServer, TIM, ZOE } from './support-fake-sync-server.ts';

const databases = deviceDatabases('sync');

function setup() {
	const db = databases.fresh();
	const server = new FakeSyncServer();
	const statuses: string[] = [];
	const agenda = agendaResource(db, server, () => ({ from: '2026-12-01', to: '2027-02-28' }));
	const engine = new SyncEngine(db, server, {
		resources: () => [agenda],
		onStatus: (s) => statuses.push(s),
		maxRetryDelay: 1_000_000
	});
	afterEach(() => engine.stop());
	return { db, server, engine, statuses };
}
const book = (date: string, activityCode = 'restauration-midi') => ({ personId: TIM.id, activityCode, date });

describe('outbox and sync engine', () => {
	it('pushes in order, empties the outbox and keeps the server state', async () => {
		const { db, server, engine } = setup();
		await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		await enqueue(db, 'reservation.create.v1', book('2026-12-04'));
		await enqueue(db, 'reservation.cancel.v1', book('2026-12-03'));
		await engine.sync();
		expect(await pendingChanges(db)).toEqual([]);
		expect(server.reservations).toEqual([book('2026-12-04')]);
		expect((await db.agenda.get('agenda'))?.snapshot.reservations).toEqual([book('2026-12-04')]);
	});

	it('keeps everything when the server cannot be reached, then sends it', async () => {
		const { db, server, engine, statuses } = setup();
		server.chaos = 'down';
		await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		await engine.sync();
		expect(statuses.at(-1)).toBe('offline');
		expect(await pendingChanges(db)).toHaveLength(1);
		server.chaos = 'none';
		await engine.sync();
		expect(await pendingChanges(db)).toEqual([]);
		expect(server.reservations).toHaveLength(1);
	});

	it('applies a change once even when its answer was lost on the way back', async () => {
		const { db, server, engine } = setup();
		await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		server.chaos = 'drop-answer';
		await engine.sync();
		expect(await pendingChanges(db)).toHaveLength(1);
		server.chaos = 'none';
		await engine.sync();
		expect(server.reservations).toEqual([book('2026-12-03')]);
		expect(await pendingChanges(db)).toEqual([]);
		expect(await db.outcomes.toArray()).toEqual([]);
	});

	it('matches answers by id, whatever their order', async () => {
		const { db, server, engine } = setup();
		server.now = new Date('2026-12-03T12:00:00Z');
		await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		await enqueue(db, 'reservation.create.v1', book('2026-12-07'));
		server.chaos = 'reorder';
		await engine.sync();
		const outcomes = await db.outcomes.toArray();
		expect(outcomes).toHaveLength(1);
		expect(outcomes[0]).toMatchObject({
			payload: book('2026-12-03'),
			status: 'rejected',
			code: 'delai-depasse'
		});
		expect(server.reservations).toEqual([book('2026-12-07')]);
	});

	it('keeps the outbox on 401 and 5xx, and says why', async () => {
		const { db, server, engine, statuses } = setup();
		await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		server.chaos = 'unauthorized';
		await engine.sync();
		expect(statuses.at(-1)).toBe('sign-in');
		server.chaos = 'server-error';
		await engine.sync();
		expect(statuses.at(-1)).toBe('offline');
		expect(await pendingChanges(db)).toHaveLength(1);
		expect(server.reservations).toEqual([]);
	});

	it('rolls back a rejected change on screen and keeps its reason until dismissed', async () => {
		const { db, server, engine } = setup();
		await engine.sync();
		await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		const snapshot = (await db.agenda.get('agenda'))!.snapshot;
		const before = agendaView(snapshot, await pendingChanges(db), TIM.id, ['2026-12-03'], server.now);
		expect(before[0]?.activities.find((a) => a.activity.code === 'restauration-midi')?.state).toBe(
			'attente-reservation'
		);

		server.now = new Date('2026-12-02T10:00:00Z'); // the deadline passed before the sync
		await engine.sync();
		const after = agendaView(
			(await db.agenda.get('agenda'))!.snapshot,
			await pendingChanges(db),
			TIM.id,
			['2026-12-03'],
			server.now
		);
		expect(after[0]?.activities.find((a) => a.activity.code === 'restauration-midi')?.state).toBe(
			'delai-depasse'
		);
		const [outcome] = await db.outcomes.toArray();
		expect(outcome?.reason).toMatch(/^La date limite est dépassée/);
		await db.outcomes.delete(outcome!.id);
		expect(await db.outcomes.count()).toBe(0);
	});

	it('sends a change made during a sync in the same tab once that sync is done', async () => {
		// Web Locks as a browser has them: a second request while the lock is held gets none.
		let held = false;
		vi.stubGlobal('navigator', {
			locks: {
				request: async (_: string, __: unknown, run: (lock: object | null) => Promise<void>) => {
					if (held) return run(null);
					held = true;
					try {
						return await run({});
					} finally {
						held = false;
					}
				}
			}
		});
		onTestFinished(() => {
			vi.unstubAllGlobals();
		});
		const { db, server, engine } = setup();
		let during: Promise<void> | undefined;
		server.onPull = async () => {
			server.onPull = null;
			await enqueue(db, 'reservation.create.v1', book('2026-12-04'));
			during = engine.sync(); // as the agenda store does after each change
		};
		await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		await engine.sync();
		await during;
		expect(await pendingChanges(db)).toEqual([]);
		expect(server.reservations).toEqual([book('2026-12-03'), book('2026-12-04')]);
	});

	it('survives a reload: the outbox is on disk', async () => {
		const { db } = setup();
		await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		db.close();
		const reopened = databases.reopen(db.name);
		expect(await pendingChanges(reopened)).toHaveLength(1);
	});

	it('keeps the summary of a saisie groupée', async () => {
		const { db, engine } = setup();
		await enqueue(db, 'reservation.bulk.v1', {
			personIds: [TIM.id],
			action: 'creer',
			from: '2026-11-30',
			to: '2026-12-06',
			activityCodes: ['restauration-midi'],
			periodicity: 'aucune',
			weekdays: []
		});
		await engine.sync();
		const [outcome] = await db.outcomes.toArray();
		expect(outcome?.summary?.booked).toBe(4);
		expect(outcome?.summary?.skipped.map((s) => s.code)).toEqual(['ferme', 'ferme', 'ferme']);
	});
});

// From Tuesday 1 December: 150 weekdays to Monday 28 June, 200 to Monday 6 September 2027.
const WEEKDAYS_TO = { 150: '2027-06-28', 200: '2027-09-06', 201: '2027-09-07' };

/** A saisie groupée of Tim and Zoé, 5 activities, every weekday: 2 × 5 × `days` day changes. */
function saisie(days: keyof typeof WEEKDAYS_TO) {
	return {
		from: '2026-12-01',
		to: WEEKDAYS_TO[days],
		personIds: [TIM.id, ZOE.id],
		action: 'creer' as const,
		activityCodes: [
			'restauration-midi',
			'garderie-matin-gratuite',
			'garderie-soir-gratuite',
			'garderie-soir-payante',
			'centre-de-loisirs'
		],
		periodicity: 'hebdomadaire' as const,
		weekdays: [0, 1, 2, 3, 4]
	};
}

describe('the work of one push', () => {
	it('sends batches within the server’s budget, weighed as the server weighs them', async () => {
		const { db, server, engine, statuses } = setup();
		const items = [];
		for (let i = 0; i < 8; i++) items.push(await enqueue(db, 'reservation.bulk.v1', saisie(150)));
		expect(mutationWeight(items[0]!)).toBe(2 * 5 * 150);
		await engine.sync();
		expect(statuses.at(-1)).toBe('idle');
		expect(server.pushes.map((p) => p.ids.length)).toEqual([6, 2]);
		expect(server.pushes.every((p) => p.weight <= PUSH_BUDGET)).toBe(true);
		expect(await pendingChanges(db)).toEqual([]);
		expect(await db.outcomes.count()).toBe(8);
	});

	it('sends what the server left unanswered in its next requests, in order, until all are answered', async () => {
		const { db, server, engine, statuses } = setup();
		server.budget = 3000; // a server that answers less than the engine sends
		const ids = [];
		for (let i = 0; i < 5; i++) ids.push((await enqueue(db, 'reservation.bulk.v1', saisie(150))).id);
		await engine.sync();
		expect(statuses.at(-1)).toBe('idle');
		expect(server.pushes.map((p) => p.ids)).toEqual([ids, ids.slice(2), ids.slice(4)]);
		expect(await pendingChanges(db)).toEqual([]);
	});

	it('stops, says so and retries later when the server answers none of a batch (never spins)', async () => {
		const { db, server, engine, statuses } = setup();
		await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		server.chaos = { garbage: { results: [], version: 0 }, on: 'push' };
		await engine.sync();
		expect(server.pushes).toHaveLength(1);
		expect(statuses.at(-1)).toBe('error');
		expect(await pendingChanges(db)).toHaveLength(1);
	});

	it('refuses, beforehand, a saisie groupée heavier than one mutation may be', async () => {
		const heavy = saisie(201);
		expect(bulkWeight(heavy)).toBeGreaterThan(MAX_MUTATION_WEIGHT);
		const refused = bulkPayloadSchema.safeParse(heavy);
		expect(refused.success).toBe(false);
		expect(refused.error?.issues).toEqual([
			expect.objectContaining({
				path: ['to'],
				message:
					'Trop de jours à la fois : 2 usagers × 5 activités × 201 jours font 2\u202f010 réservations, au plus ' +
					"2\u202f000 par saisie groupée. Raccourcissez la période ou choisissez moins d'usagers ou d'activités."
			})
		]);
		expect(bulkPayloadSchema.safeParse(saisie(200)).success).toBe(true);
	});
});

describe('every answer ends in a state the page shows', () => {
	const refusals = [
		[413, 'payload_too_large', 'Envoi trop volumineux.'],
		[400, 'invalid_fields', 'Certains champs sont à corriger.'],
		[404, 'not_found', "Cette adresse de l'API n'existe pas."]
	] as const;
	for (const [status, code, message] of refusals) {
		it(`keeps the outbox and says what happened on a ${status}, then sends it once the server accepts`, async () => {
			const { db, server, engine, statuses } = setup();
			await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
			server.chaos = { status, code, message };
			await engine.sync(); // resolves: nothing left unhandled
			expect(statuses.at(-1)).toBe('error');
			expect(engine.problem).toBe(
				`le serveur a refusé la demande (erreur ${status} : ${message.replace(/\.$/, '')}).`
			);
			expect(await pendingChanges(db)).toHaveLength(1);
			server.chaos = 'none';
			await engine.sync();
			expect(statuses.at(-1)).toBe('idle');
			expect(engine.problem).toBeNull();
			expect(await pendingChanges(db)).toEqual([]);
		});
	}

	it('sends fewer at a time after a 413, down to one', async () => {
		const { db, server, engine, statuses } = setup();
		for (const day of ['2026-12-03', '2026-12-04', '2026-12-07'])
			await enqueue(db, 'reservation.create.v1', book(day));
		server.chaos = { status: 413, code: 'payload_too_large', message: 'Envoi trop volumineux.' };
		await engine.sync();
		expect(server.pushes.map((p) => p.ids.length)).toEqual([3, 2, 1]);
		expect(statuses.at(-1)).toBe('error');
		expect(await pendingChanges(db)).toHaveLength(3);
	});

	it('retries a 500 later, as when offline', async () => {
		const { db, server, engine, statuses } = setup();
		await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		server.chaos = 'server-error';
		await engine.sync();
		expect(statuses.at(-1)).toBe('offline');
		expect(await pendingChanges(db)).toHaveLength(1);
	});

	const garbage: [string, unknown, 'push' | 'pull'][] = [
		['an unparsable push answer', null, 'push'],
		['a push answer of another shape', { results: 'ok' }, 'push'],
		['a result without its id', { results: [{ status: 'applied' }], version: 1 }, 'push'],
		['an unparsable pull answer', null, 'pull'],
		['a pull answer of another shape', { version: 1, persons: 'Tim' }, 'pull']
	];
	for (const [name, body, on] of garbage) {
		it(`keeps everything and says so on ${name}`, async () => {
			const { db, server, engine, statuses } = setup();
			await engine.sync();
			const kept = await db.agenda.get('agenda');
			await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
			server.chaos = { garbage: body, on };
			await engine.sync();
			expect(statuses.at(-1)).toBe('error');
			expect(engine.problem).toBe('le serveur a envoyé une réponse illisible.');
			expect(await db.agenda.get('agenda')).toEqual(kept);
			expect(await pendingChanges(db)).toHaveLength(on === 'push' ? 1 : 0);
		});
	}
});
