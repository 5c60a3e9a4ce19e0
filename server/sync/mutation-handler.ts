import type { Mutation, MutationResult } from '../../src/lib/domain/sync/protocol.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentAccount } from '../http/app-env.ts';

/**
 * What a domain gives POST /api/sync/push for the mutation kinds it owns (DESIGN §4). The push
 * reads each mutation with the protocol's schema, then hands it to the handler of its kind, in the
 * outbox's order, letting other requests run between two. Adding a domain is adding a handler
 * (server/<domain>/<domain>-mutations.ts) to the list in mutation-handlers.ts.
 *
 * A handler applies a mutation exactly once: its effect and its stored answer (applied_mutation)
 * commit in one transaction, so a replay (an answer lost on the way back, a second tab, a
 * restart) finds the answer and changes nothing. `applyOnce` does that for a mutation applied
 * in one transaction; the agenda's saisie groupée, applied in parts, keeps its own.
 */
export type MutationHandler<K extends Mutation['kind'] = Mutation['kind']> = {
	kinds: readonly K[];
	apply(
		deps: AppDeps,
		account: CurrentAccount,
		mutation: Extract<Mutation, { kind: K }>,
		push: PushContext
	): Promise<MutationResult>;
};

/** Shared by the handlers during one push: reference data loaded once per push, when first needed. */
export type PushContext = { once<T>(key: string, load: () => Promise<T>): Promise<T> };

/** What `applyOnce`'s work decides: the answer, kept for replays unless `keep` is false. */
export type Decision = { result: MutationResult; keep?: boolean };

/**
 * A domain's handler as the push's list holds it: the push hands it only mutations of its own
 * kinds (mutation-handlers.ts), which the type checker cannot see through the list.
 */
export function listed<K extends Mutation['kind']>(handler: MutationHandler<K>): MutationHandler {
	return handler as unknown as MutationHandler;
}
