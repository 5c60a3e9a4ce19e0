import { CompiledQuery } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Commits of other connections to the database (a script, the sqlite3 shell), which the
 * generations of this process (resource-generation.ts) cannot see: SQLite's `data_version` moves
 * when another connection commits, never for this one's. The WriteWatch reads it too, but adds it
 * to this process's every write, which a cache by household must not wait for.
 * Read at most once a millisecond (as the WriteWatch does), by one query at a time: `known()`
 * answers without a query within the millisecond of the last check, `check()` asks SQLite.
 */
export function otherCommits(db: Db) {
	const query = CompiledQuery.raw('PRAGMA data_version');
	let seen: number | undefined;
	let count = 0;
	let checkedAt = -1;
	let pending: Promise<number> | undefined;

	const read = async (): Promise<number> => {
		try {
			const { rows } = await db.executeQuery<{ data_version: number }>(query);
			const version = rows[0]?.data_version;
			if (version !== seen) {
				if (seen !== undefined) count++;
				seen = version;
			}
			checkedAt = Date.now();
			return count;
		} finally {
			pending = undefined;
		}
	};

	return {
		/** How many times another connection was seen to commit, if checked within this millisecond. */
		known(): number | undefined {
			return Date.now() === checkedAt ? count : undefined;
		},
		/** The same, asked of SQLite now (the query already running, when there is one). */
		check(): Promise<number> {
			return (pending ??= read());
		}
	};
}
