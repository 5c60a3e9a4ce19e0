import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/db/database.ts';
import { preparedQuery } from '../../server/db/prepared-query.ts';
import { create, enrol, pull, push, withDupinFamily, withMartinFamily } from './support/agenda.ts';
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
