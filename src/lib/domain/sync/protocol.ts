import { z } from 'zod';
import { agendaMutationSchemas, type AgendaKind } from '../agenda/mutations.ts';
import { messageMutationSchemas } from '../messages/mutations.ts';
import { requestMutationSchemas, type DemandeAck, type DraftConflict } from '../requests/mutations.ts';
import { MAX_PUSH_MUTATIONS } from './push-budget.ts';

/**
 * The sync protocol's shapes. A mutation kind whose payload changes gets a new name (…v2) and the
 * server keeps accepting the old one while clients may still send it; SYNC_SCHEMA_VERSION rises
 * when an old client can no longer be served, and such a client is told to reload.
 */
export { SYNC_SCHEMA_VERSION } from './schema-version.ts';

export { bulkPayloadSchema, TOO_HEAVY, type BulkPayload } from '../agenda/mutations.ts';

/**
 * Every kind the push accepts: each domain's list, read by kind. A domain adds its kinds here and
 * its handler to server/sync/mutation-handlers.ts (docs/ARCHITECTURE.md, Sync).
 */
export const mutationSchema = z.discriminatedUnion('kind', [
	...agendaMutationSchemas,
	...requestMutationSchemas,
	...messageMutationSchemas
]);
export type Mutation = z.infer<typeof mutationSchema>;
export type MutationKind = Mutation['kind'];
export type AgendaMutation = Extract<Mutation, { kind: AgendaKind }>;

export const pushRequestSchema = z.object({
	schemaVersion: z.int(),
	mutations: z
		.array(z.unknown())
		.max(MAX_PUSH_MUTATIONS, `Au plus ${MAX_PUSH_MUTATIONS} modifications à la fois.`)
});

export type BulkSkip = { personId: number; date: string; activityCode: string; code: string; reason: string };
export type BulkSummary = { booked: number; cancelled: number; skipped: BulkSkip[] };

/**
 * The server's answer for one mutation: applied (with its result: a saisie groupée's summary, a
 * demande's number and status), or rejected with why; a demande refused may say which fields
 * (French errors by field path) or, for a draft saved meanwhile on another device, the server's
 * version to choose from.
 */
export type MutationResult =
	| { id: string; status: 'applied'; summary?: BulkSummary; demande?: DemandeAck }
	| {
			id: string;
			status: 'rejected';
			code: string;
			reason: string;
			fields?: Record<string, string>;
			conflict?: DraftConflict;
	  };

export type PushResponse = { results: MutationResult[]; version: number };
