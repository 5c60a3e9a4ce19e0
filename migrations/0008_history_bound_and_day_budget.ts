import type { Kysely } from 'kysely';

/**
 * 1. history_by_household_recent: a household's history lines, most recent last (the id is the
 *    order they were recorded in), with the child and the day, so that a pull finds the most recent
 *    lines of its window by reading the index backwards and stops at its limit, without sorting
 *    the window's lines nor reading a row it does not return.
 * 2. household_day_budget: the day changes a household's pushes asked for on one day (Paris), one
 *    row per household, reset on its first push of another day: the budget of day changes per day.
 * Frozen in time: never import today's code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('history_by_household_recent')
		.on('reservation_history')
		.columns(['household_id', 'id', 'person_id', 'service_date'])
		.execute();
	await db.schema
		.createTable('household_day_budget')
		.addColumn('household_id', 'integer', (c) => c.primaryKey().references('household.id'))
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('spent', 'integer', (c) => c.notNull())
		.execute();
}
