import { overDayBudgetResult } from '../../src/lib/domain/sync/mutation-result.ts';
import type { MutationResult } from '../../src/lib/domain/sync/protocol.ts';
import { DAY_CHANGE_BUDGET } from '../../src/lib/domain/sync/push-budget.ts';
import type { Db } from '../db/database.ts';

/** The tables of migrations 0008, 0010 and 0015, typed here, beside the only code that reads or writes them. */
type BudgetRow = { household_id: number; day: string; spent: number };
type DayBudgetTables = {
	household_day_budget: BudgetRow;
	household_demande_budget: BudgetRow;
	household_message_budget: BudgetRow;
};
export type DayBudget = { table: keyof DayBudgetTables; limit: number };

/** The agenda's: day changes asked for by the household's pushes on one day. */
export const AGENDA_DAY_BUDGET: DayBudget = { table: 'household_day_budget', limit: DAY_CHANGE_BUDGET };

/**
 * Reserves `weight` of a household's budget for `day` (Paris), in the same statement that checks
 * it, so that two pushes at once cannot both take the last of it; a first reservation of another
 * day starts the count again. Null when reserved; otherwise what is left that day, and nothing is
 * reserved. Run in the transaction that applies the effect: the reservation commits with it, or
 * not at all.
 */
export async function reserveDayBudget(
	trx: Db,
	budget: DayBudget,
	householdId: number,
	day: string,
	weight: number
): Promise<{ left: number } | null> {
	const db = trx.withTables<DayBudgetTables>();
	const table = budget.table;
	const reserved = await db
		.insertInto(table)
		.values({ household_id: householdId, day, spent: weight })
		.onConflict((oc) =>
			oc
				.column('household_id')
				.doUpdateSet((eb) => ({
					spent: eb
						.case()
						.when(`${table}.day`, '=', eb.ref('excluded.day'))
						.then(eb(`${table}.spent`, '+', eb.ref('excluded.spent')))
						.else(eb.ref('excluded.spent'))
						.end(),
					day: eb.ref('excluded.day')
				}))
				// Not reserved, and nothing written, when it would go past the budget of that day.
				.where((eb) =>
					eb.or([
						eb(`${table}.day`, '<>', eb.ref('excluded.day')),
						eb(eb(`${table}.spent`, '+', eb.ref('excluded.spent')), '<=', budget.limit)
					])
				)
		)
		.returning('spent')
		.executeTakeFirst();
	if (reserved) return null;
	const row = await db
		.selectFrom(table)
		.select('spent')
		.where('household_id', '=', householdId)
		.executeTakeFirstOrThrow();
	return { left: budget.limit - row.spent };
}

/** The agenda's day changes: the rejection to answer when over the budget, else null (reserved). */
export async function reserveDayChanges(
	trx: Db,
	householdId: number,
	day: string,
	weight: number,
	mutationId: string
): Promise<MutationResult | null> {
	const over = await reserveDayBudget(trx, AGENDA_DAY_BUDGET, householdId, day, weight);
	return over && overDayBudgetResult(mutationId, weight, over.left);
}
