import { sql, type Kysely } from 'kysely';

/**
 * 1. The pull stamps (migration 0004) also raised when a row is replaced. `INSERT OR REPLACE`,
 * `REPLACE` and `UPDATE OR REPLACE` delete the row in their way without firing its DELETE
 * triggers (SQLite fires them only with recursive_triggers, which no connection sets), so the
 * household or the town the old row belonged to kept its answer in memory: a history line, a
 * booking or a child "edited" by a script that re-inserts it under the same id, for another
 * household, stayed on the first household's agenda.
 * Before the row is written, these raise the stamps of the row already holding its id, if any:
 * - person: that person's household;
 * - reservation, reservation_history: the household of that row's person, and for a booking of
 *   an activity with a capacity, the town.
 * Rows replaced through another unique key (a booking's child, activity and day; an enrolment's
 * child and session) belong to the same child as the new row, whose own triggers raise the same
 * stamps. A plain insert, which never names its id, pays nothing: before SQLite picks the id,
 * NEW.id reads -1 (WHEN; ids start at 1).
 * 2. ledger_by_booking: the presence lines of one booking (child, activity, day), so that a
 *    cancellation finds what was charged by one index seek, however many lines the household has.
 * Frozen in time: never import today's code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const raiseHousehold = (householdOf: string) =>
		`INSERT INTO household_stamp (household_id, stamp) SELECT (${householdOf}), 1 WHERE (${householdOf}) IS NOT NULL
		 ON CONFLICT (household_id) DO UPDATE SET stamp = stamp + 1;`;
	const personOf = (table: string) =>
		`SELECT p.household_id FROM ${table} r JOIN person p ON p.id = r.person_id WHERE r.id = NEW.id`;
	const raiseTownIfPlaces = `UPDATE town_stamp SET stamp = stamp + 1 WHERE id = 1 AND EXISTS (
		SELECT 1 FROM reservation r JOIN activity a ON a.code = r.activity_code
		WHERE r.id = NEW.id AND a.capacity IS NOT NULL);`;

	const replaced: { table: string; body: string }[] = [
		{ table: 'person', body: raiseHousehold('SELECT household_id FROM person WHERE id = NEW.id') },
		{ table: 'reservation', body: raiseHousehold(personOf('reservation')) + raiseTownIfPlaces },
		{ table: 'reservation_history', body: raiseHousehold(personOf('reservation_history')) }
	];
	for (const { table, body } of replaced) {
		await sql
			.raw(
				`CREATE TRIGGER ${table}_replace_raises_stamps BEFORE INSERT ON ${table}
				 WHEN NEW.id > 0 BEGIN ${body} END`
			)
			.execute(db);
		// UPDATE OR REPLACE giving a row the id of another deletes that other one.
		await sql
			.raw(
				`CREATE TRIGGER ${table}_id_change_raises_stamps BEFORE UPDATE OF id ON ${table}
				 WHEN NEW.id IS NOT OLD.id BEGIN ${body} END`
			)
			.execute(db);
	}
	await db.schema
		.createIndex('ledger_by_booking')
		.on('ledger_entry')
		.columns(['person_id', 'activity_code', 'value_date', 'kind'])
		.execute();
}
