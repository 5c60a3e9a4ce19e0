import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Database } from './schema.ts';
import { LruMap } from '../read-cache/lru-map.ts';
import { WriteWatch } from './write-watch.ts';

export type Db = Kysely<Database>;

export const DATABASE_FILE = 'portail.sqlite';

/**
 * Opens (creating when missing) the town's SQLite file in `dataDir`.
 * synchronous=FULL: a booking or a payment acknowledged to a parent must survive a power cut;
 * WAL keeps readers from blocking the writer; busy_timeout absorbs a backup or a second process.
 */
export function openDatabase(dataDir: string): { db: Db; file: string; writes: WriteWatch } {
	mkdirSync(dataDir, { recursive: true });
	const file = join(dataDir, DATABASE_FILE);
	const sqlite = new SQLite(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('foreign_keys = ON');
	const writes = new WriteWatch(sqlite);
	const db = new Kysely<Database>({
		dialect: new SqliteDialect({ database: withStatementCache(sqlite, writes) })
	});
	return { db, file, writes };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, and preparing costs about as much as running a small query:
 * the statements of the last few hundred distinct SQL texts are kept (least recently used dropped).
 * Safe because every call runs a statement to its end at once (all/run); Kysely's streaming
 * (iterate), which could leave one open, is not used.
 * Each statement that can write (an INSERT … RETURNING is a reader too) tells `writes` its SQL as it
 * runs: the caches of what it can change check their entries again.
 */
function withStatementCache(sqlite: SQLite.Database, writes: WriteWatch): SqliteDatabase {
	const statements = new LruMap<string, SqliteStatement>(STATEMENT_CACHE_SIZE);
	const watched = (sql: string, statement: SQLite.Statement): SqliteStatement =>
		statement.readonly
			? statement
			: {
					reader: statement.reader,
					all: (parameters) => (writes.noteWrite(sql), statement.all(parameters)),
					run: (parameters) => (writes.noteWrite(sql), statement.run(parameters)),
					iterate: (parameters) => (writes.noteWrite(sql), statement.iterate(parameters))
				};
	return {
		close: () => sqlite.close(),
		prepare(sql) {
			let statement = statements.get(sql);
			if (!statement) statements.set(sql, (statement = watched(sql, sqlite.prepare(sql))));
			return statement;
		}
	};
}
