import type { Kysely } from 'kysely';

/**
 * household_message_budget: the answers a household wrote in Échanges on one day (Paris), one row
 * per household, reset on its first answer of another day: every answer lands in the agents'
 * "messages non lus", so one family cannot flood them. Frozen in time: never import today's code.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('household_message_budget')
		.addColumn('household_id', 'integer', (c) => c.primaryKey().references('household.id'))
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('spent', 'integer', (c) => c.notNull())
		.execute();
}
