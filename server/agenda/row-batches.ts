import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Statements over many rows, built by Kysely once and then run with new values. A saisie groupée
 * writes thousands of rows in a transaction during which no other request may use the database:
 * building each statement anew (a query node per value, then its SQL) cost about as much as SQLite
 * takes to write the rows. Rows go in chunks of FULL, then of decreasing powers of two, so that a
 * few statement texts serve every count (and stay prepared, see database.ts).
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
/** `never`: a marker may stand for a value of any column's type. */
type Marker = (row: number, column: number) => never;
/** Where each parameter of a built statement comes from: a row's value, or a constant of the query. */
type Slot = { row: number; column: number } | { constant: unknown };

function compile(statement: Compilable<unknown>): { query: CompiledQuery; slots: Slot[] } {
	const query = statement.compile();
	const slots = query.parameters.map((p): Slot => {
		const [row = -1, column = -1] = String(p).slice(1).split(':').map(Number);
		return p === marker(row, column) ? { row, column } : { constant: p };
	});
	return { query, slots };
}

const parameters = (slots: Slot[], rows: unknown[][], start: number) =>
	slots.map((s) => ('constant' in s ? s.constant : rows[start + s.row]?.[s.column]));

/**
 * A statement over `n` rows, built once per `n`, run over any number of rows in chunks on the
 * caller's transaction; what it selects (a lookup), for all chunks in order.
 */
export function rowBatches<Result = never>(build: (db: Db, value: Marker, n: number) => Compilable<Result>) {
	const built = new Map<number, ReturnType<typeof compile>>();
	return async (trx: Db, rows: unknown[][]): Promise<Result[]> => {
		const results: Result[] = [];
		let start = 0;
		for (const n of chunkSizes(rows.length)) {
			let statement = built.get(n);
			if (!statement) built.set(n, (statement = compile(build(trx, marker as Marker, n))));
			const query = { ...statement.query, parameters: parameters(statement.slots, rows, start) };
			results.push(...(await trx.executeQuery<Result>(query)).rows);
			start += n;
		}
		return results;
	};
}
