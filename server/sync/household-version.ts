import type { Db } from '../db/database.ts';
import { preparedPerDb } from '../db/prepared-query.ts';

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

const versionOf = preparedPerDb(
	(db, householdId: number) =>
		db.selectFrom('household_version').select('version').where('household_id', '=', householdId),
	[0]
);

export async function readVersion(db: Db, householdId: number): Promise<number> {
	const [row] = await versionOf(db, householdId);
	return row?.version ?? 0;
}
