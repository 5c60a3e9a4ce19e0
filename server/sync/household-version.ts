import type { Db } from '../db/database.ts';

/** A counter per household, raised by every applied change: the pull cursor (never a device clock). */
export async function bumpVersion(trx: Db, householdId: number): Promise<void> {
	await trx
		.insertInto('household_version')
		.values({ household_id: householdId, version: 1 })
		.onConflict((oc) =>
			oc.column('household_id').doUpdateSet((eb) => ({ version: eb('household_version.version', '+', 1) }))
		)
		.execute();
}

export async function readVersion(db: Db, householdId: number): Promise<number> {
	const row = await db
		.selectFrom('household_version')
		.select('version')
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	return row?.version ?? 0;
}
