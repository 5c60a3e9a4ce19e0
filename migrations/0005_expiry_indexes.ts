import type { Kysely } from 'kysely';

/**
 * Indexes by expiry for the rows that unauthenticated requests make (sessions, links, pending
 * registrations, sign-in attempts, spent captchas): the regular purge deletes them a few hundred
 * at a time, and each step must find them without reading the whole table.
 * Frozen in time: never import today's code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
	for (const [table, column] of [
		['session', 'expires_at'],
		['account_token', 'expires_at'],
		['account_request', 'expires_at'],
		['captcha_spent', 'expires_at'],
		['auth_failure', 'at']
	] as const) {
		await db.schema.createIndex(`${table}_by_${column}`).on(table).column(column).execute();
	}
}
