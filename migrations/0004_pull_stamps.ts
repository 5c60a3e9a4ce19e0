import { sql, type Kysely } from 'kysely';

/**
 * Stamps for the server's cache of agenda pull answers: a counter per household and one for the
 * town, raised by triggers on every write of the rows a pull answer is built from. Triggers, not
 * application code, so that no writer (a service, the back office, a script, a test) can change
 * those rows and leave a stale answer in the cache.
 * - household_stamp: the household's persons (names, birth order), their enrolments, their
 *   reservations and the history of them.
 * - town_stamp: the activities, the school calendar and closures, and the reservations of the
 *   activities with a capacity (places left are shown to every household).
 * Frozen in time: never import today's code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('household_stamp')
		.addColumn('household_id', 'integer', (c) => c.primaryKey())
		.addColumn('stamp', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('town_stamp')
		.addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
		.addColumn('stamp', 'integer', (c) => c.notNull())
		.execute();
	await db.insertInto('town_stamp').values({ id: 1, stamp: 0 }).execute();

	const raiseHousehold = (household: string) =>
		`INSERT INTO household_stamp (household_id, stamp) VALUES (${household}, 1)
		 ON CONFLICT (household_id) DO UPDATE SET stamp = stamp + 1;`;
	// Through the person: nothing to raise when the person is already gone.
	const raiseHouseholdOfPerson = (row: string) =>
		`INSERT INTO household_stamp (household_id, stamp)
		 SELECT household_id, 1 FROM person WHERE id = ${row}.person_id
		 ON CONFLICT (household_id) DO UPDATE SET stamp = stamp + 1;`;
	const raiseTown = () => 'UPDATE town_stamp SET stamp = stamp + 1 WHERE id = 1;';
	const hasCapacity = (row: string) =>
		`(SELECT capacity FROM activity WHERE code = ${row}.activity_code) IS NOT NULL`;

	type Stamped = { table: string; scope: 'household' | 'town'; raise: (row: string) => string };
	const stamped: (Stamped & { when?: (row: string) => string })[] = [
		{ table: 'person', scope: 'household', raise: (row) => raiseHousehold(`${row}.household_id`) },
		{ table: 'activity_enrolment', scope: 'household', raise: raiseHouseholdOfPerson },
		// Through the person: a pull reads bookings by person, wherever the row says they belong.
		{ table: 'reservation', scope: 'household', raise: raiseHouseholdOfPerson },
		{ table: 'reservation_history', scope: 'household', raise: raiseHouseholdOfPerson },
		{ table: 'reservation', scope: 'town', raise: raiseTown, when: hasCapacity },
		{ table: 'activity', scope: 'town', raise: raiseTown },
		{ table: 'school_year', scope: 'town', raise: raiseTown },
		{ table: 'calendar_closure', scope: 'town', raise: raiseTown }
	];
	for (const { table, scope, raise, when } of stamped) {
		for (const event of ['INSERT', 'UPDATE', 'DELETE'] as const) {
			// An update raises what the row belonged to before and after (it may change household).
			const rows = event === 'INSERT' ? ['NEW'] : event === 'DELETE' ? ['OLD'] : ['OLD', 'NEW'];
			const condition = when ? `WHEN ${rows.map(when).join(' OR ')}` : '';
			const body = scope === 'town' ? raise('NEW') : rows.map(raise).join('\n');
			const name = `${table}_${event.toLowerCase()}_raises_${scope}_stamp`;
			await sql
				.raw(`CREATE TRIGGER ${name} AFTER ${event} ON ${table} ${condition} BEGIN ${body} END`)
				.execute(db);
		}
	}
}
