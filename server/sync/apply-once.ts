import { idTakenResult } from '../../src/lib/domain/sync/mutation-result.ts';
import type { Mutation, MutationResult } from '../../src/lib/domain/sync/protocol.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import type { Decision } from './mutation-handler.ts';

/**
 * Applies a mutation exactly once, in one transaction: `work` decides it (with the server's clock,
 * `now`) and writes its effect. Invariant: the effect and the stored answer (applied_mutation)
 * commit together, so a replay (an answer lost on the way back, a second tab, a restart) finds
 * the answer and does nothing. An id already used by another household, or by another kind of
 * change, is refused without running `work` and without showing that answer. A decision with
 * `keep: false` (a refusal that changed nothing and may succeed later, e.g. a budget) is answered
 * but not stored, so the same mutation sent again is decided again.
 */
export async function applyOnce(
	deps: Pick<AppDeps, 'db' | 'clock'>,
	account: CurrentAccount,
	mutation: Pick<Mutation, 'id' | 'kind'>,
	work: (trx: Db, now: Date) => Promise<Decision>
): Promise<MutationResult> {
	return deps.db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('applied_mutation')
			.select(['household_id', 'kind', 'result_json'])
			.where('id', '=', mutation.id)
			.executeTakeFirst();
		if (row && (row.household_id !== account.householdId || row.kind !== mutation.kind))
			return idTakenResult(mutation.id);
		if (row) return JSON.parse(row.result_json) as MutationResult;
		const now = deps.clock.now();
		const { result, keep } = await work(trx, now);
		if (keep !== false) {
			await trx
				.insertInto('applied_mutation')
				.values({
					id: mutation.id,
					household_id: account.householdId,
					account_id: account.id,
					kind: mutation.kind,
					result_json: JSON.stringify(result),
					applied_at: now.toISOString()
				})
				.execute();
		}
		return result;
	});
}
