import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { deflateSync, gzipSync } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AgendaSnapshot } from '../../src/lib/domain/agenda/snapshot.ts';
import { sessionValidator } from '../../server/accounts/session-validator.ts';
import { sessionCookieName } from '../../server/accounts/sessions.ts';
import { DATABASE_FILE } from '../../server/db/database.ts';
import { DEMO_CITIZEN } from '../../server/demo/demo-data.ts';
import { preparedQuery } from '../../server/db/prepared-query.ts';
import { JsonAnswer } from '../../server/http/json-answer.ts';
import { LruMap } from '../../server/read-cache/lru-map.ts';
import { answerBytes, PULL_CACHE_LIMITS, pullAnswers } from '../../server/read-cache/pull-answers.ts';
import { addDays } from '../../src/lib/domain/agenda/dates.ts';
import { CLAIRE, solvedCaptcha } from './support/accounts.ts';
import { create, enrol, pull, push, withDupinFamily, withMartinFamily } from './support/agenda.ts';
import { TestClient } from './support/http-client.ts';
import { testApp, testDatabase, type TestCtx } from './support/test-app.ts';

// Reads are answered from memory (sessions, pull answers) while nothing was written: every way a
// row can change underneath must still show at once, or within a millisecond from another process.

const NOW = '2026-11-28T09:00:00Z';
const DECEMBER = ['2026-12-01', '2026-12-31'] as const;

/** Another connection to the same file, as a script or the sqlite3 shell would open it. */
function otherProcess(ctx: TestCtx): SQLite.Database {
	const other = new SQLite(join(ctx.dataDir, DATABASE_FILE));
	other.pragma('busy_timeout = 5000');
	return other;
}

const aMillisecond = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('a pull answer kept in memory', () => {
	it('shows each change of the rows it is made of, written by any code of this process', async () => {
		const ctx = await testApp({ now: NOW });
		const { client, timId } = await withDupinFamily(ctx);
		const canteen = (s: Awaited<ReturnType<typeof pull>>) =>
			s.activities.find((a) => a.code === 'restauration-midi')?.priceCents;
		expect(canteen(await pull(client, ...DECEMBER))).toBe(350);
		expect(canteen(await pull(client, ...DECEMBER))).toBe(350); // now from memory

		await ctx.db
			.updateTable('activity')
			.set({ price_cents: 400 })
			.where('code', '=', 'restauration-midi')
			.execute();
		expect(canteen(await pull(client, ...DECEMBER))).toBe(400);

		await ctx.db
			.insertInto('calendar_closure')
			.values({
				school_year_id: '2026-2027',
				kind: 'fermeture',
				label: 'Grève',
				starts_on: '2026-12-10',
				ends_on: '2026-12-10'
			})
			.execute();
		expect((await pull(client, ...DECEMBER)).calendar.closures.map((c) => c.label)).toContain('Grève');

		await ctx.db.updateTable('person').set({ prenom: 'Timothée' }).where('id', '=', timId).execute();
		expect((await pull(client, ...DECEMBER)).persons.map((p) => p.prenom)).toEqual(['Timothée']);

		await enrol(ctx, timId, 'centre-de-loisirs');
		expect((await pull(client, ...DECEMBER)).persons[0]?.sessions).toContain('centre-de-loisirs');

		await push(client, create(timId, 'restauration-midi', '2026-12-03'));
		expect((await pull(client, ...DECEMBER)).reservations).toEqual([
			{ personId: timId, activityCode: 'restauration-midi', date: '2026-12-03' }
		]);
		await ctx.db.deleteFrom('reservation').execute();
		expect((await pull(client, ...DECEMBER)).reservations).toEqual([]);
	});

	it('shows places taken by another household, and only its own bookings', async () => {
		const ctx = await testApp({ now: NOW });
		const dupin = await withDupinFamily(ctx);
		const martin = await withMartinFamily(ctx);
		await enrol(ctx, dupin.timId, 'centre-de-loisirs');
		expect((await pull(dupin.client, ...DECEMBER)).capacity).toEqual([]);
		await push(martin.client, create(martin.leaId, 'centre-de-loisirs', '2026-12-02'));
		const seen = await pull(dupin.client, ...DECEMBER);
		expect(seen.capacity).toEqual([{ activityCode: 'centre-de-loisirs', date: '2026-12-02', count: 1 }]);
		expect(seen.reservations).toEqual([]);
		expect((await pull(martin.client, ...DECEMBER)).reservations).toHaveLength(1);
	});

	it('follows a child’s bookings by person, even one moved to another household', async () => {
		const ctx = await testApp({ now: NOW });
		const dupin = await withDupinFamily(ctx);
		const martin = await withMartinFamily(ctx);
		await push(dupin.client, create(dupin.timId, 'restauration-midi', '2026-12-03'));
		await ctx.db
			.updateTable('person')
			.set({ household_id: martin.householdId })
			.where('id', '=', dupin.timId)
			.execute();
		const dates = async () => (await pull(martin.client, ...DECEMBER)).reservations.map((r) => r.date);
		expect(await dates()).toEqual(['2026-12-03']);
		// The row still names the first household: the change must reach the one the child is in.
		await ctx.db.deleteFrom('reservation').where('person_id', '=', dupin.timId).execute();
		expect(await dates()).toEqual([]);
	});

	it('shows a change committed by another process', async () => {
		const ctx = await testApp({ now: NOW });
		const { client } = await withDupinFamily(ctx);
		expect((await pull(client, ...DECEMBER)).activities[0]?.label).toBe('Repas de midi');
		const other = otherProcess(ctx);
		other.prepare("UPDATE activity SET label = 'Déjeuner' WHERE code = 'restauration-midi'").run();
		other.close();
		await aMillisecond();
		expect((await pull(client, ...DECEMBER)).activities[0]?.label).toBe('Déjeuner');
	});
});

/**
 * Every table a pull answer is read from (server/sync/pull-service.ts, server/agenda/agenda-data.ts),
 * each changed alone, one row, by SQL as any writer could send it: the pull kept in memory must
 * show it at once. Each case is played by this process and by another connection.
 */
type Families = { tim: number; lea: number; dupin: number; martin: number };
type Case = {
	table: string;
	change: string;
	/** The statement, given the families' ids. */
	sql: (f: Families) => string;
	/** What DUPIN's December pull shows before, then must show after. */
	seen: (s: AgendaSnapshot) => unknown;
	before: unknown;
	after: unknown;
};

const TABLE_CASES: Case[] = [
	{
		table: 'activity',
		change: 'a label',
		sql: () => "UPDATE activity SET label = 'Déjeuner' WHERE code = 'restauration-midi'",
		seen: (s) => s.activities.find((a) => a.code === 'restauration-midi')?.label,
		before: 'Repas de midi',
		after: 'Déjeuner'
	},
	{
		table: 'school_year',
		change: 'its last day',
		sql: () => "UPDATE school_year SET ends_on = '2027-07-03' WHERE id = '2026-2027'",
		seen: (s) => s.calendar.schoolYears[0]?.endsOn,
		before: '2027-07-02',
		after: '2027-07-03'
	},
	{
		table: 'calendar_closure',
		change: 'a label',
		sql: () => "UPDATE calendar_closure SET label = 'Congés de Noël' WHERE label = 'Vacances de Noël'",
		seen: (s) => s.calendar.closures.some((c) => c.label === 'Congés de Noël'),
		before: false,
		after: true
	},
	{
		table: 'person',
		change: 'a first name',
		sql: (f) => `UPDATE person SET prenom = 'Timothée' WHERE id = ${f.tim}`,
		seen: (s) => s.persons.map((p) => p.prenom),
		before: ['Tim'],
		after: ['Timothée']
	},
	{
		table: 'activity_enrolment',
		change: 'a session',
		sql: (f) =>
			`INSERT INTO activity_enrolment (person_id, session, created_at) VALUES (${f.tim}, 'centre-de-loisirs', '${NOW}')`,
		seen: (s) => s.persons[0]?.sessions.includes('centre-de-loisirs'),
		before: false,
		after: true
	},
	{
		table: 'reservation',
		change: 'the day of a booking',
		sql: (f) => `UPDATE reservation SET service_date = '2026-12-04' WHERE person_id = ${f.tim}`,
		seen: (s) => s.reservations.map((r) => r.date),
		before: ['2026-12-03'],
		after: ['2026-12-04']
	},
	{
		table: 'reservation',
		change: 'another household’s booking of a place (capacity)',
		sql: (f) => `UPDATE reservation SET service_date = '2026-12-09' WHERE person_id = ${f.lea}`,
		seen: (s) => s.capacity.map((c) => c.date),
		before: ['2026-12-02'],
		after: ['2026-12-09']
	},
	{
		table: 'reservation_history',
		change: 'the author of a history line',
		sql: (f) => `UPDATE reservation_history SET author = 'MAIRIE' WHERE person_id = ${f.tim}`,
		seen: (s) => s.history.map((h) => h.author),
		before: ['DUPIN Pascal'],
		after: ['MAIRIE']
	},
	{
		table: 'household_version',
		change: 'the version',
		sql: (f) => `UPDATE household_version SET version = 41 WHERE household_id = ${f.dupin}`,
		seen: (s) => s.version,
		before: 1,
		after: 41
	},
	// A REPLACE deletes the row it replaces without firing its delete triggers: the household or
	// the town the old row belonged to must be told too (migration 0006).
	{
		table: 'reservation_history',
		change: 'a history line replaced by one of another household',
		sql: (f) =>
			`INSERT OR REPLACE INTO reservation_history (id, household_id, person_id, service_date, activity_code, action, at, author)
			 SELECT id, ${f.martin}, ${f.lea}, service_date, activity_code, action, at, author FROM reservation_history WHERE person_id = ${f.tim}`,
		seen: (s) => s.history.length,
		before: 1,
		after: 0
	},
	{
		table: 'reservation',
		change: 'a booking replaced by one of another household',
		sql: (f) =>
			`REPLACE INTO reservation (id, household_id, person_id, activity_code, service_date, created_at, created_by)
			 SELECT id, ${f.martin}, ${f.lea}, activity_code, service_date, created_at, created_by FROM reservation WHERE person_id = ${f.tim}`,
		seen: (s) => s.reservations.length,
		before: 1,
		after: 0
	},
	{
		table: 'reservation',
		change: 'a booking of a place replaced by one of an activity without places',
		sql: (f) =>
			`REPLACE INTO reservation (id, household_id, person_id, activity_code, service_date, created_at, created_by)
			 SELECT id, household_id, person_id, 'restauration-midi', '2026-12-10', created_at, created_by FROM reservation WHERE person_id = ${f.lea}`,
		seen: (s) => s.capacity.length,
		before: 1,
		after: 0
	},
	{
		table: 'person',
		change: 'a child replaced by one of another household',
		sql: (f) =>
			`INSERT OR REPLACE INTO person SELECT * FROM person WHERE id = ${f.tim}`.replace(
				'SELECT *',
				`SELECT id, ${f.martin} AS household_id, role, civilite, sexe, nom_naissance, nom_usage, prenom, prenom2, prenom3, date_naissance, pays_naissance, commune_naissance, departement_naissance, created_at`
			),
		seen: (s) => s.persons.length,
		before: 1,
		after: 0
	}
];

describe('a pull answer kept in memory, for each table it is read from', () => {
	for (const writer of ['this process', 'another connection'] as const) {
		for (const c of TABLE_CASES) {
			it(`${c.table}: ${c.change}, by ${writer}`, async () => {
				const ctx = await testApp({ now: NOW });
				const dupin = await withDupinFamily(ctx);
				const martin = await withMartinFamily(ctx);
				await push(dupin.client, create(dupin.timId, 'restauration-midi', '2026-12-03'));
				await push(martin.client, create(martin.leaId, 'centre-de-loisirs', '2026-12-02'));
				const account = await ctx.db
					.selectFrom('account')
					.select('household_id')
					.where('username', '=', 'pascal.dupin')
					.executeTakeFirstOrThrow();
				const statement = c.sql({
					tim: dupin.timId,
					lea: martin.leaId,
					dupin: account.household_id,
					martin: martin.householdId
				});
				expect(c.seen(await pull(dupin.client, ...DECEMBER))).toEqual(c.before);
				expect(c.seen(await pull(dupin.client, ...DECEMBER))).toEqual(c.before); // from memory
				if (writer === 'this process') {
					await sql.raw(statement).execute(ctx.db);
				} else {
					const other = otherProcess(ctx);
					other.prepare(statement).run();
					other.close();
					await aMillisecond();
				}
				expect(c.seen(await pull(dupin.client, ...DECEMBER))).toEqual(c.after);
			});
		}
	}
});

describe('a session kept in memory', () => {
	it('ends as soon as its row is deleted, by this process or another', async () => {
		const ctx = await testApp({ now: NOW });
		const first = await withDupinFamily(ctx);
		expect((await first.client.get('/api/profile')).status).toBe(200);
		expect((await first.client.get('/api/profile')).status).toBe(200); // now from memory
		await ctx.db.deleteFrom('session').execute();
		expect((await first.client.get('/api/profile')).status).toBe(401);

		const second = await withDupinFamily(ctx);
		expect((await second.client.get('/api/profile')).status).toBe(200);
		const other = otherProcess(ctx);
		other.prepare('DELETE FROM session').run();
		other.close();
		await aMillisecond();
		expect((await second.client.get('/api/profile')).status).toBe(401);
	});
});

describe('preparedQuery', () => {
	it('runs a query compiled once with each call’s parameters', async () => {
		const { db } = await testDatabase();
		const activity = preparedQuery(
			db,
			(code: string, min: number) =>
				db.selectFrom('activity').select('code').where('code', '=', code).where('position', '>=', min),
			['', -1]
		);
		expect(await activity('garderie-soir-gratuite', 0)).toEqual([]); // no town defaults here
		await db
			.insertInto('activity')
			.values({
				code: 'x',
				group_code: 'g',
				group_label: 'G',
				label: 'X',
				start_time: '08:00',
				end_time: '09:00',
				price_cents: 0,
				tariff_label: 'Tarif gratuit',
				runs_on: 'ecole',
				capacity: null,
				deadline_hour: 18,
				position: 3
			})
			.execute();
		expect(await activity('x', 3)).toEqual([{ code: 'x' }]);
		expect(await activity('x', 4)).toEqual([]);
	});

	it('refuses a query whose parameters cannot be told apart', async () => {
		const { db } = await testDatabase();
		expect(() =>
			preparedQuery(
				db,
				(a: number, b: number) => db.selectFrom('activity').selectAll().where('position', 'in', [a, b]),
				[1, 1]
			)
		).toThrow(/impossibles à rattacher/);
		expect(() =>
			preparedQuery(
				db,
				(a: number) => db.selectFrom('activity').selectAll().where('position', '=', a).limit(10),
				[0]
			)
		).toThrow(/impossibles à rattacher/);
	});
});

describe('pull answers kept in memory are bounded by their bytes', () => {
	const KiB = 1024;
	/**
	 * An answer of about `kib` KiB of JSON, distinct by `tag`, that gzip cannot shrink below three
	 * quarters (random base64): answers are kept compressed, and weighed so.
	 */
	const payload = (kib: number, tag: string) => async () => ({
		tag,
		pad: randomBytes((kib * KiB * 3) / 4).toString('base64')
	});
	const small = { totalBytes: 300 * KiB, householdBytes: 100 * KiB, answerBytes: 50 * KiB };

	async function cache(limits = small) {
		const { db, writes } = await testDatabase();
		return pullAnswers(db, writes, limits);
	}
	const day = (n: number) => addDays('2026-12-01', n);

	it('never keeps an answer above its size, and forgets the window it replaces', async () => {
		const pulls = await cache();
		await pulls.answer(1, day(0), day(30), payload(10, 'small'));
		expect(pulls.remembered(1, day(0), day(30))).toBeDefined();
		const large = await pulls.answer(1, day(1), day(31), payload(80, 'large'));
		expect(large.text.length).toBeGreaterThan(80 * KiB);
		expect(pulls.remembered(1, day(1), day(31))).toBeUndefined();
		expect(pulls.stats()).toMatchObject({ answers: 1, households: 1 });
	});

	it('keeps one household within its share, whatever windows it asks for, and the others’ answers', async () => {
		const pulls = await cache();
		await pulls.answer(2, day(0), day(30), payload(20, 'other'));
		for (let n = 0; n < 60; n++) await pulls.answer(1, day(n), day(n + 30), payload(20, `w${n}`));
		const stats = pulls.stats();
		expect(stats.largestHousehold).toBeLessThanOrEqual(small.householdBytes);
		// Each counts at least its 15 KiB of random bytes, compressed.
		expect(stats.answers).toBeLessThanOrEqual(1 + Math.floor(small.householdBytes / (15 * KiB)));
		// Its most recent windows are kept, its first ones dropped; the other household's is there.
		expect(pulls.remembered(1, day(59), day(89))).toBeDefined();
		expect(pulls.remembered(1, day(0), day(30))).toBeUndefined();
		expect(pulls.remembered(2, day(0), day(30))).toBeDefined();
	});

	it('keeps all households within the town’s budget, the least recently read dropped first', async () => {
		const pulls = await cache();
		for (let household = 1; household <= 40; household++) {
			await pulls.answer(household, day(0), day(30), payload(20, `h${household}`));
			// The first household reads its agenda again and again: it stays.
			pulls.remembered(1, day(0), day(30));
		}
		const stats = pulls.stats();
		expect(stats.bytes).toBeLessThanOrEqual(small.totalBytes);
		expect(stats.households).toBeLessThan(40);
		expect(pulls.remembered(1, day(0), day(30))).toBeDefined();
		expect(pulls.remembered(2, day(0), day(30))).toBeUndefined();
		expect(pulls.remembered(40, day(0), day(30))).toBeDefined();
	});

	it('keeps the town’s limits against one household asking for 120 windows of the largest answers', async () => {
		const pulls = await cache(PULL_CACHE_LIMITS);
		// Answers just under the size kept, each built for a window of its own (the attack of round 2,
		// where 12 MiB answers were kept for each of 120 windows).
		const kib = Math.floor(PULL_CACHE_LIMITS.answerBytes / 2 / KiB) - 2;
		for (let n = 0; n < 120; n++) await pulls.answer(7, day(n), day(n + 119), payload(kib, `w${n}`));
		const stats = pulls.stats();
		expect(stats.answers).toBeGreaterThan(0);
		expect(stats.bytes).toBeLessThanOrEqual(PULL_CACHE_LIMITS.householdBytes);
		expect(PULL_CACHE_LIMITS.householdBytes * 10).toBeLessThanOrEqual(PULL_CACHE_LIMITS.totalBytes);
	});

	it('counts what an answer holds, high: its text at one or two bytes a character, and its compressed copies', async () => {
		const ctx = await testApp({ now: NOW });
		const { client, timId } = await withDupinFamily(ctx);
		const days = Array.from({ length: 120 }, (_, i) => addDays('2026-12-01', i));
		await push(client, ...days.slice(0, 100).map((d) => create(timId, 'restauration-midi', d)));
		const snapshot = await pull(client, '2026-12-01', '2027-03-30');
		expect(snapshot.history.length).toBeGreaterThan(30);
		const answer = new JsonAnswer(snapshot);
		const text = Buffer.from(answer.text);
		// gzip and deflate, for each of the two sets of security headers: four copies at most.
		const copies = 2 * (gzipSync(text).length + deflateSync(text).length);
		expect(copies).toBeLessThanOrEqual(answer.text.length);
		expect(answerBytes(answer)).toBeGreaterThanOrEqual(answer.text.length + copies);
		// One character beyond Latin-1 (a name with Œ), and V8 keeps the whole text at two bytes each.
		const wide = new JsonAnswer({ ...snapshot, persons: [{ ...snapshot.persons[0], prenom: 'Œdipe' }] });
		expect(answerBytes(wide)).toBeGreaterThanOrEqual(2 * wide.text.length + copies);
		// Compact, as the pull cache keeps it: its gzip body alone, the same JSON once unzipped.
		const compact = new JsonAnswer(snapshot, { compact: true });
		expect(compact.text).toBe(answer.text);
		expect(answerBytes(compact)).toBeGreaterThanOrEqual(compact.encodedBytes('gzip'));
		expect(compact.encodedBytes('gzip')).toBeGreaterThan(0);
		expect(answerBytes(compact)).toBeLessThan(answer.text.length / 4);
	});
});

describe('LruMap', () => {
	it('drops the least recently used beyond its count, or beyond its bytes when it weighs them', () => {
		const counted = new LruMap<string, number>(2);
		counted.set('a', 1);
		counted.set('b', 2);
		counted.get('a');
		counted.set('c', 3);
		expect([counted.get('a'), counted.get('b'), counted.get('c')]).toEqual([1, undefined, 3]);

		const weighed = new LruMap<string, string>(Infinity, { maxBytes: 10, bytesOf: (v) => v.length });
		// Each value weighs its length: four bytes each, named after its key.
		weighed.set('a', 'aaaa');
		weighed.set('b', 'bbbb');
		expect(weighed.bytes).toBe(8);
		weighed.get('a');
		weighed.set('c', 'cccc');
		expect([weighed.get('a'), weighed.get('b'), weighed.get('c')]).toEqual(['aaaa', undefined, 'cccc']);
		expect(weighed.bytes).toBe(8);
		// Set again, an entry is weighed again.
		weighed.set('a', 'a');
		expect(weighed.bytes).toBe(5);
		weighed.delete('c');
		expect([weighed.bytes, weighed.size]).toEqual([1, 1]);
		// An entry heavier than the whole is not kept at all.
		weighed.set('d', 'd'.repeat(11));
		expect([weighed.size, weighed.bytes]).toEqual([0, 0]);
	});
});

/**
 * What cached answers are made of, and only that, moves their generation: a town under failed
 * sign-ins from many addresses, registrations spending captchas, keeps answering from memory.
 */
describe('answers kept in memory, while the town writes other tables', () => {
	async function kept(before?: (ctx: TestCtx) => Promise<unknown>) {
		const ctx = await testApp({ now: NOW });
		const dupin = await withDupinFamily(ctx);
		await before?.(ctx);
		const pulls = pullAnswers(ctx.db, ctx.writes);
		const sessions = sessionValidator(ctx.db, ctx.writes, ctx.clock);
		const { householdId } = await ctx.db
			.selectFrom('account')
			.select('household_id as householdId')
			.where('username', '=', DEMO_CITIZEN.username)
			.executeTakeFirstOrThrow();
		const december = () => pulls.remembered(householdId, ...DECEMBER);
		await pulls.answer(householdId, ...DECEMBER, async () => ({ built: 'décembre' }));
		const session = dupin.client.cookies.get(sessionCookieName(ctx.config)) ?? '';
		expect(await sessions.validate(session)).not.toBeNull();
		return { ctx, dupin, december, session: () => sessions.remembered(session) };
	}

	it('stay trusted after failed sign-ins from many addresses and a captcha spent', async () => {
		const { ctx, december, session } = await kept();
		expect(december()).toBeDefined();
		expect(session()).toBeDefined();
		for (let i = 1; i <= 5; i++) {
			const stranger = new TestClient(ctx.app, { ip: `198.51.100.${i}` });
			const res = await stranger.post('/api/auth/login', {
				identifiant: DEMO_CITIZEN.username,
				motDePasse: 'pas le bon'
			});
			expect(res.status).toBe(401);
		}
		expect(await ctx.db.selectFrom('auth_failure').select('ip').execute()).toHaveLength(5);
		const newcomer = new TestClient(ctx.app, { ip: '198.51.100.50' });
		const captcha = await solvedCaptcha(newcomer);
		const res = await newcomer.post('/api/accounts/registrations', { identity: CLAIRE, captcha });
		expect(res.status).toBe(202);
		await ctx.mail.drain();
		expect(await ctx.db.selectFrom('captcha_spent').select('signature').execute()).toHaveLength(1);
		expect(december()).toBeDefined();
		expect(session()).toBeDefined();
	});

	it('are checked again after a booking (the agenda) or a sign-in (the sessions)', async () => {
		const { ctx, dupin, december, session } = await kept();
		await push(dupin.client, create(dupin.timId, 'restauration-midi', '2026-12-03'));
		expect(december()).toBeUndefined();
		expect(session()).toBeDefined();
		const other = new TestClient(ctx.app, { ip: '192.0.2.11' });
		const signedIn = await other.post('/api/auth/login', {
			identifiant: DEMO_CITIZEN.username,
			motDePasse: DEMO_CITIZEN.password
		});
		expect(signedIn.status).toBe(200);
		expect(session()).toBeUndefined();
	});

	it('are checked again after a write the watch cannot read, or one that reaches them by a trigger', async () => {
		const { ctx, december, session } = await kept();
		// A statement that does not start with its target counts as a write of every table.
		await sql`WITH n AS (SELECT 1) INSERT INTO auth_failure (account_key, ip, at) SELECT 'x', 'y', 'z' FROM n`.execute(
			ctx.db
		);
		expect(december()).toBeUndefined();
		expect(session()).toBeUndefined();
		// auth_failure's foreign keys act on nothing, but a trigger on it that writes a stamp would.
		const again = await kept((ctx) =>
			sql`CREATE TRIGGER failure_raises_town AFTER INSERT ON auth_failure BEGIN UPDATE "town_stamp" SET stamp = stamp + 1; END`.execute(
				ctx.db
			)
		);
		expect(again.december()).toBeDefined();
		await again.ctx.db.insertInto('auth_failure').values({ account_key: 'x', ip: 'y', at: 'z' }).execute();
		expect(again.session()).toBeDefined();
		expect(again.december()).toBeUndefined();
	});
});
