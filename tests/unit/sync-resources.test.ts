import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clearPersonalData } from '../../src/lib/offline/database.ts';
import { enqueue } from '../../src/lib/offline/outbox.ts';
import { SyncEngine, UnreadableAnswer, type SyncResource } from '../../src/lib/offline/sync-engine.ts';
import { readResource, versionedResource } from '../../src/lib/offline/versioned-resource.ts';
import { queueUpload } from '../../src/lib/offline/uploads.ts';
import { deviceDatabases } from './support-device-databases.ts';
import { FakeSyncServer, TIM } from './support-fake-sync-server.ts';

const databases = deviceDatabases('sync-resources');

/** A toy resource: a list of notes, pulled by version as GET /api/requests/pull is. */
const notesSchema = z.object({ version: z.number(), notes: z.array(z.string()) });
type Notes = z.infer<typeof notesSchema>;

class NotesServer {
	state: Notes = { version: 3, notes: ['Cantine fermée le 11 novembre'] };
	asked: (number | undefined)[] = [];
	answer: ((known: number | undefined) => unknown) | null = null;
	async fetch(known: number | undefined): Promise<unknown> {
		this.asked.push(known);
		if (this.answer) return this.answer(known);
		return known === this.state.version ? { version: known, unchanged: true } : structuredClone(this.state);
	}
}

function notes(db: ReturnType<typeof databases.fresh>, server = new NotesServer(), name = 'notes') {
	const at = { now: new Date('2026-11-28T09:00:00Z') };
	const resource = versionedResource(db, {
		name,
		schema: notesSchema,
		fetch: (known) => server.fetch(known),
		now: () => at.now
	});
	return { server, resource, at };
}

describe('a versioned resource', () => {
	it('keeps the whole answer, then asks with its version and keeps its data when unchanged', async () => {
		const db = databases.fresh();
		const { server, resource, at } = notes(db);
		await resource.pull();
		expect(await readResource(db, 'notes', notesSchema)).toEqual({
			data: server.state,
			fetchedAt: '2026-11-28T09:00:00.000Z'
		});
		at.now = new Date('2026-11-28T10:00:00Z');
		await resource.pull();
		expect(server.asked).toEqual([undefined, 3]);
		expect(await db.resources.get('notes')).toEqual({
			key: 'notes',
			version: 3,
			data: server.state,
			fetchedAt: '2026-11-28T10:00:00.000Z'
		});
		server.state = { version: 4, notes: [] };
		await resource.pull();
		expect((await readResource(db, 'notes', notesSchema))?.data).toEqual({ version: 4, notes: [] });
	});

	const garbage: [string, unknown][] = [
		['another shape', { version: 5, notes: 'aucune' }],
		['nothing', null],
		['"unchanged" of a version it does not hold', { version: 9, unchanged: true }]
	];
	for (const [name, body] of garbage) {
		it(`keeps what it has and fails as unreadable on ${name}`, async () => {
			const db = databases.fresh();
			const { server, resource } = notes(db);
			await resource.pull();
			const kept = await db.resources.get('notes');
			server.answer = () => body;
			await expect(resource.pull()).rejects.toBeInstanceOf(UnreadableAnswer);
			expect(await db.resources.get('notes')).toEqual(kept);
		});
	}

	it('reads as nothing what was kept in another shape', async () => {
		const db = databases.fresh();
		await db.resources.put({
			key: 'notes',
			version: 1,
			data: { notes: 3 },
			fetchedAt: '2026-11-01T00:00:00Z'
		});
		expect(await readResource(db, 'notes', notesSchema)).toBeUndefined();
	});
});

describe('the engine and its resources', () => {
	function setup(resources: SyncResource[]) {
		const db = databases.fresh();
		const server = new FakeSyncServer();
		const statuses: string[] = [];
		const engine = new SyncEngine(db, server, {
			resources: () => resources,
			onStatus: (s) => statuses.push(s),
			maxRetryDelay: 1_000_000
		});
		afterEach(() => engine.stop());
		return { db, server, engine, statuses };
	}
	const logged = (log: string[], name: string, pull: () => Promise<void> = async () => {}) => ({
		name,
		pull: async () => {
			log.push(`pull:${name}`);
			await pull();
		}
	});

	it('pulls every resource, in order, after the push', async () => {
		const log: string[] = [];
		const { db, server, engine } = setup([logged(log, 'agenda'), logged(log, 'requests')]);
		server.log = log;
		const item = await enqueue(db, 'reservation.create.v1', {
			personId: TIM.id,
			activityCode: 'restauration-midi',
			date: '2026-12-03'
		});
		await engine.sync();
		expect(log).toEqual([`push:${item.id}`, 'pull:agenda', 'pull:requests']);
	});

	it('gives each resource its turn when one fails, and says the failure', async () => {
		const log: string[] = [];
		const failing = logged(log, 'agenda', async () => {
			throw new UnreadableAnswer();
		});
		const { engine, statuses } = setup([failing, logged(log, 'requests')]);
		await engine.sync();
		expect(log).toEqual(['pull:agenda', 'pull:requests']);
		expect(statuses.at(-1)).toBe('error');
		expect(engine.problem).toBe('le serveur a envoyé une réponse illisible.');
	});

	it('keeps two versioned resources apart, each with its own version', async () => {
		const first = new NotesServer();
		const second = new NotesServer();
		second.state = { version: 8, notes: ['Demande n° 12 envoyée'] };
		const db0 = databases.fresh();
		const a = notes(db0, first, 'notes-a');
		const b = notes(db0, second, 'notes-b');
		const server = new FakeSyncServer();
		const engine = new SyncEngine(db0, server, { resources: () => [a.resource, b.resource] });
		await engine.sync();
		await engine.sync();
		expect(first.asked).toEqual([undefined, 3]);
		expect(second.asked).toEqual([undefined, 8]);
		expect((await readResource(db0, 'notes-b', notesSchema))?.data).toEqual(second.state);
	});
});

describe('signing out', () => {
	it('wipes resources, drafts and files waiting, and keeps only the public catalogue', async () => {
		const db = databases.fresh();
		await notes(db).resource.pull();
		await db.drafts.put({
			id: crypto.randomUUID(),
			formCode: 'contact-mairie',
			writerId: crypto.randomUUID(),
			baseRevision: 0,
			step: 1,
			data: { message: { objet: 'Cantine' } },
			savedAt: '2026-11-28T09:00:00.000Z',
			state: 'editing'
		});
		await queueUpload(db, new Blob(['%PDF-1.7']), {
			documentId: crypto.randomUUID(),
			type: 'attestation-caf',
			name: 'caf.pdf'
		});
		await db.cache.put({
			key: 'catalog',
			catalog: { categories: [] } as never,
			fetchedAt: '2026-11-28T09:00:00Z'
		});
		await clearPersonalData(db);
		expect([await db.resources.count(), await db.drafts.count(), await db.blobs.count()]).toEqual([0, 0, 0]);
		expect(await db.outbox.count()).toBe(0);
		expect(await db.cache.count()).toBe(1);
	});
});
