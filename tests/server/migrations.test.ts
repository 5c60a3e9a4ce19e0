import { Migrator, sql } from 'kysely';
import { migrations } from '../../migrations/index.ts';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { fixedClock } from '../../server/clock.ts';
import { installDemoData } from '../../server/demo/demo-data.ts';
import { installTownDefaults } from '../../server/seed/town-defaults.ts';
import { tempDir, testDatabase } from './support/test-app.ts';

describe('migrations', () => {
	it('create every table on an empty database', async () => {
		const { db } = await testDatabase();
		const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
		expect(tables).toEqual(
			[
				'activity',
				'calendar_closure',
				'catalog_category',
				'news_item',
				'procedure',
				'school_year',
				'town_setup',
				'household',
				'person',
				'person_relation',
				'address',
				'phone',
				'household_social',
				'school_enrolment',
				'activity_enrolment',
				'child_record',
				'child_authorisation',
				'child_contact',
				'person_contact',
				'account',
				'account_request',
				'session',
				'account_token',
				'auth_failure',
				'captcha_spent',
				'server_secret',
				'reservation',
				'reservation_history',
				'ledger_entry',
				'applied_mutation',
				'household_version',
				'household_stamp',
				'town_stamp',
				'town_counter',
				'household_resource_version',
				'demande',
				'demande_history',
				'document',
				'demande_document',
				'hall_day',
				'household_day_budget',
				'household_demande_budget',
				'household_message_budget',
				'audit_log',
				'message_thread',
				'message',
				'demande_note'
			].sort()
		);
	});

	it('do nothing when re-run on an existing database, keeping its data', async () => {
		const dataDir = tempDir();
		const first = openDatabase(dataDir);
		expect(await migrateToLatest(first.db)).toEqual(Object.keys(migrations));
		await installTownDefaults(first.db, fixedClock('2026-11-28T09:00:00Z'), 'Ville de Test');
		await first.db.destroy();

		const { db } = await testDatabase(dataDir);
		expect(await migrateToLatest(db)).toEqual([]);
		const { n } = await db
			.selectFrom('procedure')
			.select(({ fn }) => fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(n)).toBe(6);
	});

	it('bring a town’s database made by the earlier ones up to date, keeping its data', async () => {
		const dataDir = tempDir();
		const first = openDatabase(dataDir);
		const earlier = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0005'));
		const migrator = new Migrator({ db: first.db, provider: { getMigrations: async () => earlier } });
		expect((await migrator.migrateToLatest()).error).toBeUndefined();
		await installTownDefaults(first.db, fixedClock('2026-11-28T09:00:00Z'), 'Ville de Test');
		await first.db.destroy();

		const { db } = openDatabase(dataDir);
		onTestFinished(() => db.destroy());
		expect(await migrateToLatest(db)).toEqual(Object.keys(migrations).filter((name) => name >= '0005'));
		const triggers = await sql<{
			name: string;
		}>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%replace_raises_stamps'`.execute(
			db
		);
		expect(triggers.rows.map((t) => t.name).sort()).toEqual([
			'person_replace_raises_stamps',
			'reservation_history_replace_raises_stamps',
			'reservation_replace_raises_stamps'
		]);
		const index = await sql<{
			name: string;
		}>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reservation_history'`.execute(db);
		expect(index.rows.map((i) => i.name)).toContain('history_by_household_recent');
		const { n } = await db
			.selectFrom('activity')
			.select(({ fn }) => fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(n)).toBe(6);
	});

	it('open SQLite in WAL mode with synchronous=FULL, a busy timeout and foreign keys', async () => {
		const { db } = await testDatabase();
		const pragma = async (name: string) =>
			Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
		expect(await pragma('journal_mode')).toBe('wal');
		expect(await pragma('synchronous')).toBe(2);
		expect(await pragma('busy_timeout')).toBe(5000);
		expect(await pragma('foreign_keys')).toBe(1);
	});
});

describe("the town's defaults", () => {
	it('install the catalogue, news, activities and the current school calendar once', async () => {
		const { db } = await testDatabase();
		const clock = fixedClock('2026-11-28T09:00:00Z');
		expect(await installTownDefaults(db, clock, 'Ville de Test')).toBe(true);
		expect(await installTownDefaults(db, clock, 'Ville de Test')).toBe(false);

		const activities = await db.selectFrom('activity').selectAll().orderBy('position').execute();
		expect(activities.map((a) => [a.label, a.price_cents])).toEqual([
			['Repas de midi', 350],
			['Garderie matin gratuite', 0],
			['Garderie matin payante', 110],
			['Garderie soir gratuite', 0],
			['Garderie soir payante', 110],
			['Centre de loisirs (journée)', 800]
		]);
		const morning = activities.filter((a) => a.group_code === 'garderie-matin');
		expect(morning.map((a) => `${a.start_time}-${a.end_time}`)).toEqual(['08:20-08:35', '07:30-08:19']);

		const years = await db.selectFrom('school_year').select('id').execute();
		expect(years.map((y) => y.id)).toEqual(['2026-2027']);
		const closures = await db
			.selectFrom('calendar_closure')
			.selectAll()
			.where('school_year_id', '=', '2026-2027')
			.execute();
		expect(closures).toContainEqual(
			expect.objectContaining({ kind: 'vacances', label: 'Vacances de Noël', starts_on: '2026-12-19' })
		);
		expect(closures).toContainEqual(
			expect.objectContaining({ kind: 'ferie', label: 'Armistice 1918', starts_on: '2026-11-11' })
		);
		// 14 juillet 2027 falls after the last day of school: not a closure of this school year.
		expect(closures.find((c) => c.starts_on === '2027-07-14')).toBeUndefined();
	});

	it('never add demonstration data: only the demo command does', async () => {
		const { db } = await testDatabase();
		const clock = fixedClock('2026-11-28T09:00:00Z');
		await installTownDefaults(db, clock, 'Ville de Test');
		const titles = async () =>
			(await db.selectFrom('news_item').select('title').execute()).map((n) => n.title);
		expect(await titles()).not.toContain('Portail de démonstration');
		expect(await installDemoData(db, clock)).toBe(true);
		expect(await installDemoData(db, clock)).toBe(false);
		expect((await titles()).filter((t) => t === 'Portail de démonstration')).toHaveLength(1);
	});
});
