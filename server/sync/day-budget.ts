import { overDayBudgetResult } from '../../src/lib/domain/sync/mutation-result.ts';
import type { MutationResult } from '../../src/lib/domain/sync/protocol.ts';
import { DAY_CHANGE_BUDGET } from '../../src/lib/domain/sync/push-budget.ts';
import type { Db } from '../db/database.ts';

/** The table of migration 0008, typed here, beside the only code that reads or writes it. */
type DayBudgetTable = { household_day_budget: { household_id: number; day: string; spent: number } };

/**
 * Reserves `weight` day changes of the household's budget for `day` (Paris), in the same statement
 * that checks it, so that two pushes at once cannot both take the last of it; a first push of
 * another day starts the count again. Null when reserved; otherwise the rejection to answer, and
 * nothing is reserved. Run in the transaction that applies the mutation's first part: the
 * reservation commits with its effect, or not at all.
 */
export async function reserveDayChanges(
	trx: Db,
	householdId: number,
	day: string,
	weight: number,
	mutationId: string
): Promise<MutationResult | null> {
	const db = trx.withTables<DayBudgetTable>();
	const reserved = await db
		.insertInto('household_day_budget')
		.values({ household_id: householdId, day, spent: weight })
		.onConflict((oc) =>
			oc
				.column('household_id')
				.doUpdateSet((eb) => ({
					spent: eb
						.case()
						.when('household_day_budget.day', '=', eb.ref('excluded.day'))
						.then(eb('household_day_budget.spent', '+', eb.ref('excluded.spent')))
						.else(eb.ref('excluded.spent'))
						.end(),
					day: eb.ref('excluded.day')
				}))
				// Not reserved, and nothing written, when it would go past the budget of that day.
				.where((eb) =>
					eb.or([
						eb('household_day_budget.day', '<>', eb.ref('excluded.day')),
						eb(eb('household_day_budget.spent', '+', eb.ref('excluded.spent')), '<=', DAY_CHANGE_BUDGET)
					])
				)
		)
		.returning('spent')
		.executeTakeFirst();
	if (reserved) return null;
	const row = await db
		.selectFrom('household_day_budget')
		.select('spent')
		.where('household_id', '=', householdId)
		.executeTakeFirstOrThrow();
	return overDayBudgetResult(mutationId, weight, DAY_CHANGE_BUDGET - row.spent);
}
