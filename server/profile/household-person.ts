import type { Db } from '../db/database.ts';

/**
 * Whether `personId` is a person of the household: a demande's answers and an upload's query may
 * name anyone's id, and another household's is treated as unknown.
 */
export async function isHouseholdPerson(db: Db, householdId: number, personId: number): Promise<boolean> {
	const row = await db
		.selectFrom('person')
		.select('id')
		.where('id', '=', personId)
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	return row !== undefined;
}
