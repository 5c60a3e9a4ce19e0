import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { agendaView } from '../../src/lib/domain/agenda/agenda-view.ts';
import { PortailDatabase } from '../../src/lib/offline/database.ts';
import { enqueue, pendingChanges } from '../../src/lib/offline/outbox.ts';
import { SyncEngine } from '../../src/lib/offline/sync-engine.ts';
import { FakeSyncServer, TIM } from './support-fake-sync-server.ts';

let n = 0;
const opened: PortailDatabase[] = [];
afterEach(async () => {
	// All closed before any is deleted: a reopened copy still open would make Dexie warn.
	const closing = opened.splice(0);
	for (const db of closing) db.close();
	for (const db of closing) await db.delete();
});

function setup() {
	const db = new PortailDatabase(`sync-${++n}`);
	opened.push(db);
	const server = new FakeSyncServer();
	const statuses: string[] = [];
	const engine = new SyncEngine(db, server, {
		window: () => ({ from: '2026-12-01', to: '2027-02-28' }),
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

	it('survives a reload: the outbox is on disk', async () => {
		const { db } = setup();
		await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		db.close();
		const reopened = new PortailDatabase(db.name);
		opened.push(reopened);
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
