import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Statements over many rows, built by Kysely once per size and then run with new values. A saisie
 * groupée writes thousands of rows in a transaction during which no other request may use the
 * database: building each multi-row statement anew (a query node per value, then its SQL) cost
 * about as much as SQLite takes to write the rows. Rows go in chunks of FULL, then of decreasing
 * powers of two, so that a few statement texts serve every count (and stay prepared, database.ts).
 */
const FULL = 256;

export function chunkSizes(n: number): number[] {
	const sizes: number[] = [];
	let left = n;
	for (; left >= FULL; left -= FULL) sizes.push(FULL);
	for (let size = FULL / 2; left > 0; size /= 2) {
		if (left >= size) {
			sizes.push(size);
			left -= size;
		}
	}
	return sizes;
}

/** Stands for value `column` of row `row` while a statement is built: no real value looks like it. */
const marker = (row: number, column: number) => `\u0000${row}:${column}`;
type Marker = (row: number, column: number) => never;

/**
 * A statement over `n` rows, built once per `n` by `build` with markers in place of the values, then
 * run with each row's values in their place. Throws at build time when a parameter cannot be traced
 * to its marker (a value folded into the SQL text): the statement would write the wrong values.
 */
export function rowBatches(build: (db: Db, value: Marker, n: number) => Compilable<unknown>) {
	const built = new Map<number, { query: CompiledQuery; slots: [number, number][] }>();
	const statement = (db: Db, n: number) => {
		let known = built.get(n);
		if (!known) {
			// `never`: a marker may stand for a value of any column's type.
			const query = build(db, marker as Marker, n).compile();
			const slots = query.parameters.map((p): [number, number] => {
				const [row = -1, column = -1] = String(p).slice(1).split(':').map(Number);
				if (p !== marker(row, column)) throw new Error(`rowBatches : valeur non rattachée dans ${query.sql}`);
				return [row, column];
			});
			built.set(n, (known = { query, slots }));
		}
		return known;
	};
	/** Runs the statement over every row, in chunks, on the caller's transaction. */
	return async (trx: Db, rows: unknown[][]): Promise<void> => {
		let start = 0;
		for (const n of chunkSizes(rows.length)) {
			const { query, slots } = statement(trx, n);
			await trx.executeQuery({ ...query, parameters: slots.map(([r, c]) => rows[start + r]?.[c]) });
			start += n;
		}
	};
}
