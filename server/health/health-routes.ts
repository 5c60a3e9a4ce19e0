import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps } from '../deps.ts';

/** Liveness for the town's monitoring: answers ok only after a real round trip to the database. */
export function healthRoutes(deps: AppDeps) {
	return new Hono().get('/', async (c) => {
		const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(deps.db);
		const migrations = await deps.db
			.selectFrom('kysely_migration' as never)
			.select(({ fn }) => fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return c.json({
			status: rows[0]?.ok === 1 ? 'ok' : 'degraded',
			time: deps.clock.now().toISOString(),
			database: { migrations: Number(migrations.n) }
		});
	});
}
