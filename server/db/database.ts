import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export const DATABASE_FILE = 'portail.sqlite';

/**
 * Opens (creating when missing) the town's SQLite file in `dataDir`.
 * synchronous=FULL: a booking or a payment acknowledged to a parent must survive a power cut;
 * WAL keeps readers from blocking the writer; busy_timeout absorbs a backup or a second process.
 */
export function openDatabase(dataDir: string): { db: Db; file: string } {
	mkdirSync(dataDir, { recursive: true });
	const file = join(dataDir, DATABASE_FILE);
	const sqlite = new SQLite(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('foreign_keys = ON');
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
	return { db, file };
}
