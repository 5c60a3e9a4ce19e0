import type { Db } from '../db/database.ts';

/** The pulled resource a household's demandes and justificatifs belong to. */
export const REQUESTS_RESOURCE = 'requests';

/**
 * Raises the household's version of a pulled resource, in the caller's transaction, so a pull
 * that names the old version gets the new state and an unchanged one costs one lookup.
 * (A shared `server/sync/resource-version.ts` did not exist yet when this was written.)
 */
export async function bumpResourceVersion(trx: Db, householdId: number, resource: string): Promise<void> {
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
