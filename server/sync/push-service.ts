import { readMutation, unhandledKindResult } from '../../src/lib/domain/sync/mutation-result.ts';
import type { MutationKind, MutationResult, PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import { mutationWeight, withinBudget } from '../../src/lib/domain/sync/push-budget.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { readVersion } from './household-version.ts';
import type { MutationHandler, PushContext } from './mutation-handler.ts';
import { handlersByKind } from './mutation-handlers.ts';

/** Lets the requests that arrived meanwhile run (better-sqlite3 never yields). */
const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the handlers of one push share: each key's data loaded once, by the first that asks. */
function pushContext(): PushContext {
	const loaded = new Map<string, Promise<unknown>>();
	return {
		once<T>(key: string, load: () => Promise<T>): Promise<T> {
			let value = loaded.get(key) as Promise<T> | undefined;
			if (!value) {
				value = load();
				loaded.set(key, value);
			}
			return value;
		}
	};
}

const defaultHandlers = handlersByKind();

/**
 * POST /api/sync/push: the outbox, in order; one answer per mutation, for as many as fit in
 * PUSH_BUDGET, each applied by the handler of its kind. The others are left unanswered: the
 * browser sends them again in its next request.
 */
export async function pushMutations(
	deps: AppDeps,
	account: CurrentAccount,
	raw: unknown[],
	handlers: ReadonlyMap<MutationKind, MutationHandler> = defaultHandlers
): Promise<PushResponse> {
	// Weighed by their shape, as the browser weighs them: those beyond the budget are not even read.
	const taken = raw.slice(0, withinBudget(raw.map(mutationWeight)));
	const push = pushContext();
	const results: MutationResult[] = [];
	for (const item of taken) {
		// Between any two, even unreadable ones: reading a hostile shape costs up to 0.2 ms (its
		// errors are built), and 500 of them read at once held the server 60-120 ms.
		if (results.length > 0) await letOthersRun();
		const reading = readMutation(item);
		if ('result' in reading) {
			results.push(reading.result);
			continue;
		}
		const { mutation } = reading;
		const handler = handlers.get(mutation.kind);
		results.push(
			handler ? await handler.apply(deps, account, mutation, push) : unhandledKindResult(mutation.id)
		);
	}
	return { results, version: await readVersion(deps.db, account.householdId) };
}
