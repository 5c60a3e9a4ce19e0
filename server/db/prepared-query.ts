import type { Compilable } from 'kysely';
import type { Db } from './database.ts';

/**
 * A query built and compiled once, then run with new parameters: building and compiling a Kysely
 * query costs twice what SQLite takes to run a lookup by key, and these run on every request.
 * `build` is called once with `sample`, values distinct from each other and from any constant of
 * the query, so that each parameter of the SQL can be traced to the argument it stands for.
 */
export function preparedQuery<Row, P extends unknown[]>(
	db: Db,
	build: (...params: P) => Compilable<Row>,
	sample: P
): (...params: P) => Promise<Row[]> {
	const compiled = build(...sample).compile();
	const positions = compiled.parameters.map((p) => sample.indexOf(p));
	if (new Set(sample).size !== sample.length || positions.includes(-1)) {
		throw new Error(`preparedQuery : paramètres de « ${compiled.sql} » impossibles à rattacher`);
	}
	return async (...params) =>
		(await db.executeQuery<Row>({ ...compiled, parameters: positions.map((i) => params[i]) })).rows;
}

/**
 * preparedQuery for a query that code runs on whichever database it is given (the server's, a
 * transaction, a test's): compiled at its first use on each, kept while that database lives.
 */
export function preparedPerDb<Row, P extends unknown[]>(
	build: (db: Db, ...params: P) => Compilable<Row>,
	sample: P
): (db: Db, ...params: P) => Promise<Row[]> {
	const compiled = new WeakMap<Db, (...params: P) => Promise<Row[]>>();
	return (db, ...params) => {
		let query = compiled.get(db);
		if (!query) compiled.set(db, (query = preparedQuery(db, (...p: P) => build(db, ...p), sample)));
		return query(...params);
	};
}

/**
 * preparedPerDb for a query with one list of values (an IN): compiled once for each length of list
 * up to `maxLength` (a household's children, the town's activities with places), built anew beyond.
 * `listSample(i)` gives the i-th sample value of the list, distinct from `sample`'s.
 */
export function preparedForList<Row, T, P extends unknown[]>(
	build: (db: Db, list: T[], ...params: P) => Compilable<Row>,
	listSample: (i: number) => T,
	sample: P,
	maxLength = 8
): (db: Db, list: T[], ...params: P) => Promise<Row[]> {
	const compiled = new WeakMap<Db, Map<number, (...all: unknown[]) => Promise<Row[]>>>();
	return async (db, list, ...params) => {
		if (list.length > maxLength)
			return (await db.executeQuery<Row>(build(db, list, ...params).compile())).rows;
		let byLength = compiled.get(db);
		if (!byLength) compiled.set(db, (byLength = new Map()));
		let query = byLength.get(list.length);
		if (!query) {
			const n = list.length;
			const listed = Array.from({ length: n }, (_, i) => listSample(i));
			query = preparedQuery(
				db,
				(...all: unknown[]) => build(db, all.slice(0, n) as T[], ...(all.slice(n) as P)),
				[...listed, ...sample]
			);
			byLength.set(n, query);
		}
		return query(...list, ...params);
	};
}
