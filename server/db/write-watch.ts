import type SQLite from 'better-sqlite3';

/**
 * Tells caches whether the database may have changed: `generation()` moves whenever a statement
 * that can write runs on this process's connection, or another connection commits (SQLite's
 * data_version: a script, the sqlite3 shell). A cache that checked an entry against the database
 * at some generation can answer from memory, without a query, for as long as it has not moved.
 * Coarse on purpose: any write moves it, and entries are then checked again by query.
 */
export class WriteWatch {
	#generation = 0;
	#otherCommits: number;
	#checkedAt = 0;
	readonly #dataVersion: SQLite.Statement<[], number>;

	constructor(sqlite: SQLite.Database) {
		this.#dataVersion = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
		this.#otherCommits = this.#dataVersion.get() ?? 0;
	}

	/** Called before each statement that can write (see openDatabase). */
	noteWrite(): void {
		this.#generation++;
	}

	generation(): number {
		// Asking SQLite costs as much as the rest of a cached answer: at most once a millisecond, so
		// another process's commit is seen within a millisecond (this process's writes, at once).
		const now = Date.now();
		if (now !== this.#checkedAt) {
			this.#checkedAt = now;
			const otherCommits = this.#dataVersion.get() ?? 0;
			if (otherCommits !== this.#otherCommits) {
				this.#otherCommits = otherCommits;
				this.#generation++;
			}
		}
		return this.#generation;
	}
}
