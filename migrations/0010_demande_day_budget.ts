import type { Kysely } from 'kysely';

/**
 * household_demande_budget: the demandes a household created on one day (Paris), drafts and
 * direct submissions alike, one row per household, reset on its first creation of another day.
 * Each creation takes one of the town's numbers, never given again: the budget keeps one family
 * from burning them and from flooding the agents' queue. Frozen in time: never import today's code.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('household_demande_budget')
		.addColumn('household_id', 'integer', (c) => c.primaryKey().references('household.id'))
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('spent', 'integer', (c) => c.notNull())
		.execute();
}
