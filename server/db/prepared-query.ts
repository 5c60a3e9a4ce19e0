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
