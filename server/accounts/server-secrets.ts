import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';

/**
 * A random secret made on first use and kept in the database, so a town has nothing to configure
 * and signatures survive a restart.
 */
export async function serverSecret(db: Db, name: string): Promise<string> {
	const existing = await db
		.selectFrom('server_secret')
		.select('value')
		.where('name', '=', name)
		.executeTakeFirst();
	if (existing) return existing.value;
	await db
		.insertInto('server_secret')
		.values({ name, value: randomBytes(32).toString('base64url') })
		.onConflict((oc) => oc.doNothing())
		.execute();
	const row = await db
		.selectFrom('server_secret')
		.select('value')
		.where('name', '=', name)
		.executeTakeFirstOrThrow();
	return row.value;
}
