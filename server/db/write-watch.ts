import type SQLite from 'better-sqlite3';

/** A set of tables a cache's entries are made of, and a generation that moves when any may change. */
export type Watched = { generation(): number };

type Watch = { tables: ReadonlySet<string>; generation: number };
/** Every table: a statement whose target cannot be read from its SQL, a schema change, another process. */
const EVERY_TABLE = 'every table';
type Touched = ReadonlySet<string> | typeof EVERY_TABLE;

/** A table's name as SQL may spell it: bare, "quoted", `quoted` or [quoted]. */
const NAME = String.raw`(?:"(?:[^"]|"")+"|\x60[^\x60]+\x60|\[[^\]]+\]|[\w$]+)`;
/** The verbs that write a table, then the table (schema-qualified or not). */
const WRITE = String.raw`(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+(?:${NAME}\s*\.\s*)?(${NAME})`;
/** A statement that is one write of one table, from its first word: what Kysely and scripts send. */
const STATEMENT_TARGET = new RegExp(String.raw`^\s*${WRITE}`, 'i');
/** Every write a trigger's body holds (its header's `UPDATE ON x` reads as a table `on`: harmless). */
const TRIGGER_TARGETS = new RegExp(WRITE, 'gi');

const intersects = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
	for (const t of a) if (b.has(t)) return true;
	return false;
};

const unquote = (name: string) =>
	name
		.replace(/^["`[]|["`\]]$/g, '')
		.replace(/""/g, '"')
		.toLowerCase();

/**
 * Tells caches whether the rows they are made of may have changed. A cache asks `watch(tables)`
 * for the tables its entries are read from, and may answer from memory, without a query, for as
 * long as that generation has not moved since it checked an entry against the database.
 * It moves when a statement of this process's connection writes one of those tables, or another
 * table whose triggers or foreign keys (ON DELETE/UPDATE CASCADE, SET NULL, SET DEFAULT) write one
 * of them, however far (read from the schema: the pull stamps' triggers, migration 0004, make a
 * booking a write of household_stamp); and for every watch when the target of a writing statement
 * cannot be read from its SQL (anything but one INSERT, REPLACE, UPDATE or DELETE of a table named
 * first), when the schema changes, and when another connection commits (SQLite's data_version: a
 * script, the sqlite3 shell).
 * So a write of nothing a cached answer is made of (a failed sign-in's auth_failure, a spent
 * captcha, the audit log, a demande) leaves cached answers trusted: before, any write moved every
 * cache, and failed sign-ins from many addresses sent every agenda read back to the database.
 */
export class WriteWatch {
	readonly #watches: Watch[] = [];
	#otherCommits: number;
	#checkedAt = 0;
	readonly #sqlite: SQLite.Database;
	readonly #dataVersion: SQLite.Statement<[], number>;
	/** What a write of each table can change, read from the schema; forgotten when it may change. */
	#reaches: Map<string, Set<string>> | undefined;

	constructor(sqlite: SQLite.Database) {
		this.#sqlite = sqlite;
		this.#dataVersion = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
		this.#otherCommits = this.#dataVersion.get() ?? 0;
	}

	/** The generation of the rows of `tables` (named as in the schema). */
	watch(tables: readonly string[]): Watched {
		const watch: Watch = { tables: new Set(tables.map((t) => t.toLowerCase())), generation: 0 };
		this.#watches.push(watch);
		return {
			generation: () => {
				this.#checkOtherCommits();
				return watch.generation;
			}
		};
	}

	/** Called before each statement that can write, with its SQL (see openDatabase). */
	noteWrite(sql: string): void {
		// Read each time (a regular expression on the statement's start): a write costs far more.
		const touched = this.#tablesWritten(sql);
		if (touched === EVERY_TABLE) this.#reaches = undefined;
		for (const watch of this.#watches) {
			if (touched === EVERY_TABLE || intersects(watch.tables, touched)) watch.generation++;
		}
	}

	/** The tables a statement can write: its target's, and what its target's writes reach. */
	#tablesWritten(sql: string): Touched {
		// One INSERT, REPLACE, UPDATE or DELETE writes its target alone (a RETURNING, a SELECT in
		// it only read); one that starts otherwise (WITH, a comment, a PRAGMA, a CREATE TRIGGER, a
		// DROP TABLE) counts as a write of everything, and the schema is read again after it.
		const target = STATEMENT_TARGET.exec(sql)?.[1];
		if (target === undefined) return EVERY_TABLE;
		const table = unquote(target);
		return this.#reachesFrom().get(table) ?? new Set([table]);
	}

	/**
	 * For each table, every table a write of it can change: itself, what its triggers write, the
	 * tables whose foreign keys act on its deletes and updates, and so on (a closure over the schema).
	 */
	#reachesFrom(): Map<string, Set<string>> {
		if (this.#reaches) return this.#reaches;
		const direct = new Map<string, Set<string>>();
		const add = (from: string, to: string) => {
			const set = direct.get(from) ?? new Set<string>();
			set.add(to);
			direct.set(from, set);
		};
		const triggers = this.#sqlite
			.prepare<[], { table: string; sql: string }>(
				"SELECT tbl_name AS 'table', sql FROM sqlite_master WHERE type = 'trigger'"
			)
			.all();
		for (const trigger of triggers) {
			for (const m of trigger.sql.matchAll(TRIGGER_TARGETS))
				add(trigger.table.toLowerCase(), unquote(m[1] ?? ''));
		}
		const keys = this.#sqlite
			.prepare<[], { child: string; parent: string; onDelete: string; onUpdate: string }>(
				`SELECT m.name AS child, f."table" AS parent, f.on_delete AS onDelete, f.on_update AS onUpdate
				 FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`
			)
			.all();
		const inert = new Set(['NO ACTION', 'RESTRICT']);
		for (const key of keys) {
			if (!inert.has(key.onDelete) || !inert.has(key.onUpdate))
				add(key.parent.toLowerCase(), key.child.toLowerCase());
		}
		const reaches = new Map<string, Set<string>>();
		for (const table of direct.keys()) {
			const reached = new Set([table]);
			const next = [table];
			for (let t = next.pop(); t !== undefined; t = next.pop()) {
				for (const to of direct.get(t) ?? []) {
					if (reached.has(to)) continue;
					reached.add(to);
					next.push(to);
				}
			}
			reaches.set(table, reached);
		}
		return (this.#reaches = reaches);
	}

	#checkOtherCommits(): void {
		// Asking SQLite costs as much as the rest of a cached answer: at most once a millisecond, so
		// another process's commit is seen within a millisecond (this process's writes, at once).
		const now = Date.now();
		if (now === this.#checkedAt) return;
		this.#checkedAt = now;
		const otherCommits = this.#dataVersion.get() ?? 0;
		if (otherCommits !== this.#otherCommits) {
			this.#otherCommits = otherCommits;
			// Another process may have changed the schema too.
			this.#reaches = undefined;
			for (const watch of this.#watches) watch.generation++;
		}
	}
}
