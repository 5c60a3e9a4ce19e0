import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_DEMANDES_PER_DAY, MAX_DRAFT_BYTES, utf8Bytes } from '../../src/lib/domain/requests/mutations.ts';
import {
	MAX_PULLED_DEMANDES,
	requestsSnapshotSchema,
	type RequestsSnapshot
} from '../../src/lib/domain/requests/snapshot.ts';
import { SYNC_SCHEMA_VERSION } from '../../src/lib/domain/sync/protocol.ts';
import { DATABASE_FILE } from '../../server/db/database.ts';
import { addHistory, findDemande, updateDemande } from '../../server/requests/demande-repository.ts';
import { REQUESTS_CACHE_LIMITS, requestsAnswers } from '../../server/requests/requests-answers.ts';
import { ResourceGenerations } from '../../server/sync/resource-generation.ts';
import { bumpResourceVersion } from '../../server/sync/resource-version.ts';
import { PDF, upload, uploaded } from './support/documents.ts';
import { json, type TestClient } from './support/http-client.ts';
import { apply, draft, setStatus, twoHouseholds } from './support/requests.ts';
import type { TestCtx } from './support/test-app.ts';

// Mes demandes' answers are given from memory while nothing of the household changed: every way
// its demandes and documents change must show at the next pull, with `known` or without.

async function pullRequests(client: TestClient, known?: number): Promise<RequestsSnapshot> {
	const res = await client.get(
		`/api/requests/pull?schemaVersion=${SYNC_SCHEMA_VERSION}${known === undefined ? '' : `&known=${known}`}`
	);
	expect(res.status, await res.clone().text()).toBe(200);
	return requestsSnapshotSchema.parse(await json(res));
}

function whole(snapshot: RequestsSnapshot) {
	if ('unchanged' in snapshot) throw new Error('réponse « inchangé » inattendue');
	return snapshot;
}

type Household = Awaited<ReturnType<typeof twoHouseholds>>['dupin'];

/**
 * Pulls the whole answer and the unchanged one (both kept now), makes `change`, then expects the
 * next pulls, with the version known before and without any, to give the new state.
 */
async function expectSeen(
	who: Household,
	change: () => Promise<unknown>,
	check: (after: Extract<RequestsSnapshot, { demandes: unknown }>) => void
) {
	const before = whole(await pullRequests(who.client));
	expect(await pullRequests(who.client)).toEqual(before);
	expect(await pullRequests(who.client, before.version)).toEqual({
		version: before.version,
		unchanged: true
	});
	await change();
	const after = whole(await pullRequests(who.client, before.version));
	expect(after.version).toBeGreaterThan(before.version);
	check(after);
	expect(await pullRequests(who.client)).toEqual(after);
	expect(await pullRequests(who.client, after.version)).toEqual({ version: after.version, unchanged: true });
}

/** A status changed as the town's back office will change it (next issue): one transaction. */
function townDecides(ctx: TestCtx, who: Household, demandeId: string, to: 'en-cours' | 'complement') {
	return ctx.db.transaction().execute(async (trx) => {
		const row = await findDemande(trx, demandeId);
		if (!row) throw new Error('demande inconnue');
		await updateDemande(trx, row.id, { status: to });
		await addHistory(trx, {
			demandeId: row.id,
			at: '2026-11-28T10:00:00.000Z',
			accountId: who.account.id,
			author: 'Mairie',
			from: row.status,
			to
		});
		await bumpResourceVersion(trx, row.household_id, 'requests');
	});
}

describe('Mes demandes kept in memory', () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it('shows each kind of change at the next pull: a draft created, saved, sent, deleted, a file, the town’s decision', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const first = draft();
		await expectSeen(
			dupin,
			() => apply(ctx, dupin, 'save', first),
			(after) => expect(after.demandes.map((d) => [d.id, d.status])).toEqual([[first.demandeId, 'brouillon']])
		);
		await expectSeen(
			dupin,
			() => apply(ctx, dupin, 'save', { ...first, baseRevision: 1, step: 2 }),
			(after) => expect(after.demandes[0]).toMatchObject({ revision: 2, step: 2 })
		);
		const sent = draft({ data: { enfant: { personId: dupin.timId, nom: 'DUPIN Tim' } } });
		await expectSeen(
			dupin,
			() => apply(ctx, dupin, 'submit', sent),
			(after) =>
				expect(after.demandes.find((d) => d.id === sent.demandeId)).toMatchObject({
					status: 'envoyee',
					personLabel: 'DUPIN Tim'
				})
		);
		await expectSeen(
			dupin,
			() => apply(ctx, dupin, 'delete', { demandeId: first.demandeId }),
			(after) => expect(after.demandes.map((d) => d.id)).toEqual([sent.demandeId])
		);
		let documentId = '';
		await expectSeen(
			dupin,
			async () => (documentId = (await uploaded(await upload(ctx, dupin.client, PDF))).id),
			(after) => expect(after.documents.map((d) => d.id)).toEqual([documentId])
		);
		await expectSeen(
			dupin,
			() => townDecides(ctx, dupin, sent.demandeId, 'en-cours'),
			(after) =>
				expect(after.demandes[0]).toMatchObject({
					status: 'en-cours',
					history: [
						{ to: 'brouillon' },
						{ to: 'envoyee' },
						{ from: 'envoyee', to: 'en-cours', author: 'Mairie' }
					]
				})
		);
	});

	it('answers from memory, without a query, while nothing of the household changed, whatever others write', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		await apply(ctx, dupin, 'save', draft());
		let queries = 0;
		const counting: KyselyPlugin = {
			transformQuery: (args) => args.node,
			transformResult: async (args) => (queries++, args.result)
		};
		// One millisecond for the whole test: the other connections' commits are not asked again.
		const now = Date.now();
		vi.spyOn(Date, 'now').mockReturnValue(now);
		const answers = requestsAnswers(ctx.db.withPlugin(counting));
		const dupinId = dupin.account.householdId;
		const kept = await answers.answer(dupinId);
		const version = (JSON.parse(kept.text) as { version: number }).version;
		expect(version).toBe(1);

		queries = 0;
		expect(answers.remembered(dupinId)).toBe(kept);
		expect(answers.remembered(dupinId, version)?.text).toBe(JSON.stringify({ version, unchanged: true }));
		expect(await answers.answer(dupinId)).toBe(kept);
		expect(queries).toBe(0);

		// Another household's change, and any other write of the town: dupin's answers still from memory.
		await apply(ctx, martin, 'save', draft());
		await ctx.db
			.updateTable('activity')
			.set({ label: 'Déjeuner' })
			.where('code', '=', 'restauration-midi')
			.execute();
		queries = 0;
		expect(answers.remembered(dupinId)).toBe(kept);
		expect(answers.remembered(martin.account.householdId)).toBeUndefined();
		expect(queries).toBe(0);

		// Its own change: read again, and built anew.
		await apply(ctx, dupin, 'save', draft());
		expect(answers.remembered(dupinId)).toBeUndefined();
		expect(answers.remembered(dupinId, version)).toBeUndefined();
		const next = await answers.answer(dupinId);
		expect(next).not.toBe(kept);
		expect(JSON.parse(next.text)).toMatchObject({ version: 2, demandes: [{}, {}] });
	});

	it('shows a change committed by another connection within a millisecond', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const d = draft();
		await apply(ctx, dupin, 'save', d);
		const before = whole(await pullRequests(dupin.client));
		expect(await pullRequests(dupin.client, before.version)).toMatchObject({ unchanged: true });

		// A script or the sqlite3 shell, raising the version as every writer must.
		const other = new SQLite(join(ctx.dataDir, DATABASE_FILE));
		other.pragma('busy_timeout = 5000');
		other.transaction(() => {
			other.prepare('UPDATE demande SET step = 5 WHERE client_id = ?').run(d.demandeId);
			other
				.prepare(
					"UPDATE household_resource_version SET version = version + 1 WHERE household_id = ? AND resource = 'requests'"
				)
				.run(dupin.account.householdId);
		})();
		other.close();
		await new Promise((resolve) => setTimeout(resolve, 5));
		expect(whole(await pullRequests(dupin.client, before.version))).toMatchObject({
			version: before.version + 1,
			demandes: [{ step: 5 }]
		});
	});

	it('keeps no more households than its count, nor more bytes than its budget, nor a whole answer above its size', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		await apply(ctx, dupin, 'save', draft());
		await apply(ctx, martin, 'save', draft());
		const ids = [dupin.account.householdId, martin.account.householdId];

		const byCount = requestsAnswers(ctx.db, { households: 1, totalBytes: 2 ** 20, answerBytes: 2 ** 20 });
		for (const id of ids) await byCount.answer(id);
		expect(byCount.stats()).toMatchObject({ households: 1, wholes: 1 });

		const bySize = requestsAnswers(ctx.db, { households: 10, totalBytes: 2 ** 20, answerBytes: 100 });
		const given = await bySize.answer(ids[0]!);
		expect(JSON.parse(given.text)).toMatchObject({ version: 1, demandes: [{}] });
		// The version and its `unchanged` answer are kept; the whole answer is built again each time.
		expect(bySize.stats()).toMatchObject({ households: 1, wholes: 0 });
		expect(await bySize.answer(ids[0]!)).not.toBe(given);

		// A budget of one household and a half: the least recently read is dropped.
		const oneAndAHalf = Math.ceil(byCount.stats().bytes * 1.5);
		const byBytes = requestsAnswers(ctx.db, {
			households: 10,
			totalBytes: oneAndAHalf,
			answerBytes: 2 ** 20
		});
		for (const id of ids) await byBytes.answer(id);
		expect(byBytes.stats().bytes).toBeLessThanOrEqual(oneAndAHalf);
		expect(byBytes.stats()).toMatchObject({ households: 1, wholes: 1 });
	});
});

describe('Mes demandes under hostile sizes', () => {
	it('builds a household’s answer once for pulls at once, and compresses it once', async () => {
		const { ctx, dupin } = await twoHouseholds();
		for (let i = 0; i < 5; i++) await apply(ctx, dupin, 'save', draft());
		const answers = requestsAnswers(ctx.db);
		const id = dupin.account.householdId;
		const at = await Promise.all(Array.from({ length: 10 }, () => answers.answer(id)));
		expect(new Set(at).size).toBe(1);
		expect(at[0]!.encodedBytes('gzip')).toBeGreaterThan(0);
		expect(answers.stats()).toMatchObject({ households: 1, wholes: 1 });

		// A change meanwhile: the next pulls build the new version once more, once.
		await apply(ctx, dupin, 'save', draft());
		const next = await Promise.all(Array.from({ length: 10 }, () => answers.answer(id)));
		expect(new Set(next).size).toBe(1);
		expect(next[0]).not.toBe(at[0]);
		expect(JSON.parse(next[0]!.text)).toMatchObject({ version: 6 });
	});

	it('keeps the largest answer the design allows: 100 demandes of 32 KiB of answers that hardly compress', async () => {
		const { ctx, dupin } = await twoHouseholds();
		// Sent over several days and answered by the town: a household's bounds (requests-bounds.test.ts).
		const ids: string[] = [];
		for (let i = 0; i < MAX_PULLED_DEMANDES; i++) {
			ctx.clock.set(`2026-11-${String(1 + Math.floor(i / MAX_DEMANDES_PER_DAY)).padStart(2, '0')}T09:00:00Z`);
			const d = draft();
			await apply(ctx, dupin, 'submit', d);
			await setStatus(ctx, d.demandeId, 'clos');
			ids.push(d.demandeId);
		}
		// The answers as large as a draft may be, random (a real form's compress to a tenth), and one
		// character that is not Latin-1: the whole text is kept at two bytes a character.
		const filler = (length: number) =>
			randomBytes(length)
				.toString('base64')
				.slice(0, length - 1) + '€';
		for (const clientId of ids) {
			const data = { enfant: { personId: null, nom: 'DUPIN Tom' }, note: '' };
			data.note = filler(MAX_DRAFT_BYTES - utf8Bytes(JSON.stringify(data)) - 2);
			expect(utf8Bytes(JSON.stringify(data))).toBe(MAX_DRAFT_BYTES);
			await ctx.db
				.updateTable('demande')
				.set({ data_json: JSON.stringify(data) })
				.where('client_id', '=', clientId)
				.execute();
		}
		const answers = requestsAnswers(ctx.db);
		const first = await answers.answer(dupin.account.householdId);
		expect(JSON.parse(first.text)).toMatchObject({ truncated: false });
		expect(first.text.length).toBeGreaterThan(MAX_PULLED_DEMANDES * MAX_DRAFT_BYTES);
		expect(first.textBytes).toBe(2 * first.text.length);
		expect(answers.stats()).toMatchObject({ households: 1, wholes: 1 });
		expect(answers.stats().bytes).toBeLessThanOrEqual(REQUESTS_CACHE_LIMITS.answerBytes);
		expect(await answers.answer(dupin.account.householdId)).toBe(first);
		// Counted as it is held: its text, its gzip made before it was weighed, room for a deflate copy.
		expect(first.encodedBytes('gzip')).toBeGreaterThan(first.text.length / 2);
		expect(answers.stats().bytes).toBeGreaterThanOrEqual(first.textBytes + 2 * first.encodedBytes('gzip'));
	});
});

describe('the households’ generations', () => {
	it('move with each change of the household alone, and never come back to a value once forgotten', () => {
		const generations = new ResourceGenerations(2);
		const seen = new Set<number>([generations.of(1, 'requests')]);
		generations.note(1, 'requests');
		const one = generations.of(1, 'requests');
		expect(seen.has(one)).toBe(false);
		seen.add(one);
		generations.note(2, 'requests');
		const two = generations.of(2, 'requests');
		// A third household: the least recently used (1) is forgotten, and its generation moves.
		generations.note(3, 'requests');
		expect(generations.of(2, 'requests')).toBe(two);
		const forgotten = generations.of(1, 'requests');
		expect(seen.has(forgotten)).toBe(false);
		seen.add(forgotten).add(two);
		generations.note(1, 'requests');
		expect(seen.has(generations.of(1, 'requests'))).toBe(false);
	});
});
