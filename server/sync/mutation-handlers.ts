import type { MutationKind } from '../../src/lib/domain/sync/protocol.ts';
import { agendaMutations } from '../agenda/agenda-mutations.ts';
import { messageMutations } from '../messages/messages-mutations.ts';
import { requestMutations } from '../requests/requests-mutations.ts';
import { listed, type MutationHandler } from './mutation-handler.ts';

/**
 * Who applies each mutation kind: one handler per domain (docs/ARCHITECTURE.md, Sync). A kind the
 * protocol reads and no handler here owns is answered "rejected", never dropped.
 */
export const MUTATION_HANDLERS: readonly MutationHandler[] = [
	listed(agendaMutations),
	listed(requestMutations),
	listed(messageMutations)
];

export function handlersByKind(
	handlers: readonly MutationHandler[] = MUTATION_HANDLERS
): Map<MutationKind, MutationHandler> {
	const byKind = new Map<MutationKind, MutationHandler>();
	for (const handler of handlers) {
		for (const kind of handler.kinds) {
			// Two domains claiming one kind is a programming error: found at start, not in a push.
			if (byKind.has(kind)) throw new Error(`Mutation kind ${kind} has two handlers`);
			byKind.set(kind, handler);
		}
	}
	return byKind;
}
