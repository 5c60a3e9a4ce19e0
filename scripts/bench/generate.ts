import { closeSync, fsyncSync, openSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { TOWN_ACTIVITIES, type ActivityDefinition } from '../../src/lib/domain/agenda/activities.ts';
import { dayKind, daysBetween, type TownCalendar } from '../../src/lib/domain/agenda/calendar.ts';
import { presenceLine } from '../../server/billing/ledger.ts';
import { insertDemandes } from './requests-generate.ts';
import type { GeneratedFamily } from './requests-data.ts';

export const HOUSEHOLDS = 5000;
const CHILDREN_PER_HOUSEHOLD = 2;
/** When the generated families booked their year (long before the bench's "now"). */
const BOOKED_AT = '2026-08-25T10:00:00.000Z';

export type Generated = {
	children: number;
	schoolDays: number;
	rows: Record<string, number>;
	ms: number;
	/** The time to flush the written file to disk, after generation. */
	syncMs: number;
	/** Of `ms`, the time of the demandes (requests-generate.ts). */
	demandesMs: number;
};

export function activity(code: string): ActivityDefinition {
	const found = TOWN_ACTIVITIES.find((a) => a.code === code);
	if (!found) throw new Error(`Activité inconnue : ${code}`);
	return found;
}

/** Every school day between two days, as dayKind sees them (canteen and garderie days). */
export function schoolDaysBetween(calendar: TownCalendar, from: string, to: string): string[] {
	return daysBetween(from, to).filter((d) => dayKind(calendar, d).open === 'school');
}

export function schoolYear(calendar: TownCalendar, id: string): { startsOn: string; endsOn: string } {
	const year = calendar.schoolYears.find((y) => y.id === id);
	if (!year) throw new Error(`Année scolaire ${id} absente du calendrier`);
	return year;
}

const SQL = {
	household: 'INSERT INTO household (created_at) VALUES (@at)',
	person: `INSERT INTO person (household_id, role, civilite, sexe, nom_naissance, prenom, date_naissance,
		pays_naissance, commune_naissance, departement_naissance, created_at)
		VALUES (@household, @role, @civilite, @sexe, @nom, @prenom, @birth, 'France', 'BOULOGNE-SUR-MER', '62', @at)`,
	relation: `INSERT INTO person_relation (household_id, person_id, related_person_id, kind)
		VALUES (@household, @parent, @child, 'pere')`,
	account: `INSERT INTO account (username, email, password_hash, person_id, household_id, role, created_at,
		password_changed_at) VALUES (@login, @login || '@example.org', @hash, @person, @household, 'citizen', @at, @at)`,
	enrolment: 'INSERT INTO activity_enrolment (person_id, session, created_at) VALUES (@child, @session, @at)',
	version: 'INSERT INTO household_version (household_id, version) VALUES (@household, 1)',
	address: `INSERT INTO address (household_id, name, country, city, postal_code, street_number, street,
		is_default, updated_at) VALUES (@household, 'Domicile', 'France', 'HESDIGNEUL LES BOULOGNE', '62360',
		@number, 'Rue des Buissons Fleuris', 1, @at)`,
	booking: `INSERT INTO bench_booking VALUES (@household, @child, @account, @code, @label, @sublabel, @price,
		@author)`,
	day: 'INSERT INTO bench_day VALUES (?)',
	// One row per child × activity × day, in the order of the unique index (child, activity, day).
	reservations: `INSERT INTO reservation (household_id, person_id, activity_code, service_date, created_at,
		created_by) SELECT household_id, person_id, activity_code, day, ?, account_id
		FROM bench_booking CROSS JOIN bench_day`,
	history: `INSERT INTO reservation_history (household_id, person_id, service_date, activity_code, action, at,
		author) SELECT household_id, person_id, day, activity_code, '+', ?, author
		FROM bench_booking CROSS JOIN bench_day`,
	ledger: `INSERT INTO ledger_entry (household_id, value_date, recorded_at, label, sublabel, debit_cents,
		credit_cents, kind, person_id, activity_code) SELECT household_id, day, ?, label, sublabel, price_cents, 0,
		'presence', person_id, activity_code FROM bench_booking CROSS JOIN bench_day`
};

/**
 * Fills the town's database as a school year of use would: 5,000 households of two children
 * enrolled in the canteen and the garderie, every school day booked (canteen for all, evening
 * garderie for one child in two), each booking with its history line and its ledger debit (what
 * writeChanges writes); each household with its address and its ten demandes of the year (fiches
 * enfant, messages, salle des fêtes: requests-generate.ts). Raw better-sqlite3 in one transaction on a connection of its own (no other
 * may be open): the bench's setup, not the app, which goes through Kysely.
 */
export function generateTown(file: string, days: string[], passwordHash: string): Generated {
	const started = performance.now();
	const raw = new SQLite(file);
	// Setup data only: no journal on disk, no fsync; WAL again once done, as openDatabase expects.
	raw.pragma('journal_mode = MEMORY');
	raw.pragma('synchronous = OFF');
	raw.pragma('cache_size = -262144');
	raw.pragma('temp_store = MEMORY');
	const rows: Record<string, number> = {};
	const count = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
	let demandesMs = 0;
	const midi = activity('restauration-midi');
	const soir = activity('garderie-soir-gratuite');

	raw.transaction(() => {
		raw.exec(`CREATE TEMP TABLE bench_day (day TEXT);
			CREATE TEMP TABLE bench_booking (household_id INT, person_id INT, account_id INT, activity_code TEXT,
			label TEXT, sublabel TEXT, price_cents INT, author TEXT)`);
		const q = Object.fromEntries(Object.entries(SQL).map(([key, sql]) => [key, raw.prepare(sql)])) as Record<
			keyof typeof SQL,
			SQLite.Statement
		>;
		for (const day of days) q.day.run(day);
		const at = BOOKED_AT;
		const insert = (statement: SQLite.Statement, values: Record<string, unknown>) =>
			Number(statement.run({ at, ...values }).lastInsertRowid);
		let childNumber = 0;
		const families: GeneratedFamily[] = [];
		for (let h = 1; h <= HOUSEHOLDS; h++) {
			const nom = `FAMILLE${String(h).padStart(4, '0')}`;
			const household = insert(q.household, {});
			const titulaire = { household, nom, civilite: 'Monsieur', sexe: 'M', prenom: 'Paul' };
			const parent = insert(q.person, { ...titulaire, role: 'titulaire', birth: '1980-05-10' });
			const account = insert(q.account, {
				login: `famille.${h}`,
				hash: passwordHash,
				person: parent,
				household
			});
			insert(q.version, { household });
			const address = insert(q.address, { household, number: String(1 + (h % 120)) });
			const family: GeneratedFamily = {
				household,
				account,
				parent,
				address,
				author: `${nom} Paul`,
				nom,
				children: []
			};
			families.push(family);
			for (let k = 0; k < CHILDREN_PER_HOUSEHOLD; k++) {
				const prenom = k === 0 ? 'Léa' : 'Tom';
				const kid = { household, nom, civilite: null, sexe: k === 0 ? 'F' : 'M', prenom };
				const child = insert(q.person, { ...kid, role: 'enfant', birth: `201${6 + k}-03-02` });
				insert(q.relation, { household, parent, child });
				family.children.push({ id: child, prenom, birth: `201${6 + k}-03-02` });
				for (const session of ['restauration-scolaire', 'garderie']) insert(q.enrolment, { child, session });
				for (const a of childNumber++ % 2 === 0 ? [midi, soir] : [midi]) {
					const { label, sublabel } = presenceLine({ nom, prenom }, a);
					const author = `${nom} Paul`;
					insert(q.booking, {
						household,
						child,
						account,
						code: a.code,
						label,
						sublabel,
						price: a.priceCents,
						author
					});
				}
			}
		}
		count('household', HOUSEHOLDS);
		count('account', HOUSEHOLDS);
		count('household_version', HOUSEHOLDS);
		count('person', HOUSEHOLDS * (1 + CHILDREN_PER_HOUSEHOLD));
		count('person_relation', HOUSEHOLDS * CHILDREN_PER_HOUSEHOLD);
		count('activity_enrolment', HOUSEHOLDS * CHILDREN_PER_HOUSEHOLD * 2);
		count('address', HOUSEHOLDS);
		const demandesStarted = performance.now();
		for (const [table, n] of Object.entries(insertDemandes(raw, families))) count(table, n);
		demandesMs = performance.now() - demandesStarted;
		withoutStampTriggers(raw, ['reservation', 'reservation_history'], () => {
			count('reservation', q.reservations.run(BOOKED_AT).changes);
			count('reservation_history', q.history.run(BOOKED_AT).changes);
		});
		count('ledger_entry', q.ledger.run(BOOKED_AT).changes);
		raw.exec('DROP TABLE bench_booking; DROP TABLE bench_day');
	})();
	raw.pragma('journal_mode = WAL');
	raw.close();
	const ms = performance.now() - started;
	return {
		children: HOUSEHOLDS * CHILDREN_PER_HOUSEHOLD,
		schoolDays: days.length,
		rows,
		ms,
		syncMs: flush(file),
		demandesMs
	};
}

/**
 * A bulk load as a restore would do it: the triggers that raise the pull stamps row by row
 * (migration 0004) are set aside while millions of bookings go in, then put back, and the stamps
 * raised once for every household and the town, as the rows written call for.
 */
function withoutStampTriggers(raw: SQLite.Database, tables: string[], load: () => void): void {
	const triggers = raw
		.prepare(
			`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (SELECT value FROM json_each(?))`
		)
		.all(JSON.stringify(tables)) as { name: string; sql: string }[];
	for (const { name } of triggers) raw.exec(`DROP TRIGGER ${name}`);
	load();
	for (const { sql } of triggers) raw.exec(sql);
	raw.exec(`INSERT INTO household_stamp (household_id, stamp) SELECT id, 1 FROM household WHERE true
		ON CONFLICT (household_id) DO UPDATE SET stamp = stamp + 1;
		UPDATE town_stamp SET stamp = stamp + 1`);
}

/**
 * Written without fsync, the file's pages wait in the OS cache: flushed now, or the first commit
 * that checkpoints the WAL during a measure would wait for a gigabyte to reach the disk.
 */
function flush(file: string): number {
	const started = performance.now();
	const fd = openSync(file, 'r+');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	return performance.now() - started;
}
