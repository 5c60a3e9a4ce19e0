import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { resourceGenerations } from './resource-generation.ts';

/**
 * The resources a household pulls besides the agenda, each with its own version (DESIGN §4): the
 * cursor of its pull, never a device's clock. "requests" covers the demandes and the household's
 * justificatifs, which Mes demandes shows together.
 */
export const PULLED_RESOURCES = ['requests', 'messages'] as const;
export type PulledResource = (typeof PULLED_RESOURCES)[number];

/**
 * Raises the household's version of `resource`, in the caller's transaction: the change and the
 * new version commit together, so a pull naming the old version always gets the new state. Every
 * writer of a resource (a family's save, an upload, and the town's decisions next) calls it, so it
 * is also where the answers kept in memory learn of the change (resource-generation.ts): nothing
 * else needs telling. Called after the change's own statements, in its transaction.
 */
export async function bumpResourceVersion(
	trx: Db,
	householdId: number,
	resource: PulledResource
): Promise<void> {
	resourceGenerations.note(householdId, resource);
	await trx
		.insertInto('household_resource_version')
		.values({ household_id: householdId, resource, version: 1 })
		.onConflict((oc) =>
			oc
				.columns(['household_id', 'resource'])
				.doUpdateSet((eb) => ({ version: eb('household_resource_version.version', '+', 1) }))
		)
		.execute();
}

/** 0 until the household's first change of `resource`. */
export async function readResourceVersion(
	db: Db,
	householdId: number,
	resource: PulledResource
): Promise<number> {
	const row = await db
		.selectFrom('household_resource_version')
		.select('version')
		.where('household_id', '=', householdId)
		.where('resource', '=', resource)
		.executeTakeFirst();
	return row?.version ?? 0;
}

/** readResourceVersion compiled once: it runs on every pull that memory cannot answer. */
export function resourceVersionReader(
	db: Db
): (householdId: number, resource: PulledResource) => Promise<number> {
	const read = preparedQuery(
		db,
		(householdId: number, resource: PulledResource) =>
			db
				.selectFrom('household_resource_version')
				.select('version')
				.where('household_id', '=', householdId)
				.where('resource', '=', resource),
		[0, 'requests']
	);
	return async (householdId, resource) => (await read(householdId, resource))[0]?.version ?? 0;
}
