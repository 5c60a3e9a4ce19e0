import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FormDefinition } from '../../../src/lib/domain/requests/form-definition.ts';
import type { FormCode } from '../../../src/lib/domain/requests/form-codes.ts';
import type { DemandeDeletePayload, DemandeSavePayload } from '../../../src/lib/domain/requests/mutations.ts';
import type { CurrentAccount } from '../../../server/http/app-env.ts';
import {
	deleteDraft,
	saveDraft,
	submitDemande,
	type RequestsContext
} from '../../../server/requests/requests-service.ts';
import type { DemandeOutcome } from '../../../server/requests/request-refusals.ts';
import { DEMO_CITIZEN } from '../../../server/demo/demo-data.ts';
import { CLAIRE } from './accounts.ts';
import { dupins, withMartinFamily } from './agenda.ts';
import type { TestCtx } from './test-app.ts';

/**
 * A small form on the FormDefinition contract, as the real ones are: a child (of the household or
 * new), the justificatifs step, and the hall's days; its submit schema requires a name.
 */
const testAnswers = z.object({
	enfant: z.object({
		personId: z.int().positive().nullable(),
		nom: z.string().min(1, 'Ce champ est obligatoire.')
	}),
	justificatifs: z
		.record(
			z.string(),
			z.object({ choice: z.enum(['envoyer', 'reutiliser', 'plus-tard']), documentId: z.uuid().optional() })
		)
		.optional(),
	// Loose on purpose: the server checks the days itself, whatever a form lets through.
	salle: z.object({ jours: z.array(z.string().max(10)).max(40) }).optional()
});
type TestAnswers = z.infer<typeof testAnswers>;

export const TEST_FORM: FormDefinition<TestAnswers> = {
	code: 'fiche-enfant',
	steps: [{ id: 'enfant', label: 'Enfant', schema: () => testAnswers.shape.enfant }],
	submitSchema: () => testAnswers,
	prefill: () => ({}),
	recap: () => [],
	personConcerned: (data) => ({ personId: data.enfant.personId, label: data.enfant.nom }),
	documents: (data) =>
		(['livret-famille', 'attestation-caf'] as const).map((type) => ({
			type,
			personId: type === 'livret-famille' ? data.enfant.personId : null,
			personLabel: type === 'livret-famille' ? data.enfant.nom : null,
			documentId: data.justificatifs?.[type]?.documentId ?? null
		})),
	hallDays: (data) => data.salle?.jours ?? []
};

export const testForms = (code: FormCode) => (code === 'fiche-enfant' ? TEST_FORM : undefined);

async function currentAccount(ctx: TestCtx, email: string): Promise<CurrentAccount> {
	return ctx.db
		.selectFrom('account')
		.select(['id', 'username', 'role', 'person_id as personId', 'household_id as householdId', 'email'])
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
}

/** Two households: the DUPIN (Pascal, Tim) and the MARTIN (Claire, Léa), each signed in. */
export async function twoHouseholds(now?: string) {
	const { ctx, client, timId } = await dupins(now);
	const martin = await withMartinFamily(ctx);
	return {
		ctx,
		dupin: {
			client,
			timId,
			author: 'DUPIN Pascal',
			account: await currentAccount(ctx, DEMO_CITIZEN.email)
		},
		martin: { ...martin, author: 'MARTIN Claire', account: await currentAccount(ctx, CLAIRE.email) }
	};
}

type Actor = { account: CurrentAccount; author: string };

/** One service call in its own transaction, as a push applies a mutation. */
export function apply(
	ctx: TestCtx,
	who: Actor,
	kind: 'save' | 'submit' | 'delete',
	payload: DemandeSavePayload | DemandeDeletePayload
): Promise<DemandeOutcome> {
	const context: RequestsContext = {
		account: who.account,
		author: who.author,
		now: ctx.clock.now(),
		forms: testForms
	};
	return ctx.db.transaction().execute((trx) => {
		if (kind === 'delete') return deleteDraft(trx, context, { demandeId: payload.demandeId });
		const save = payload as DemandeSavePayload;
		return kind === 'save' ? saveDraft(trx, context, save) : submitDemande(trx, context, save);
	});
}

/** A draft's save as a device sends it: its own writer, based on the revision it knows. */
export function draft(overrides: Partial<DemandeSavePayload> = {}): DemandeSavePayload {
	return {
		demandeId: randomUUID(),
		formCode: 'fiche-enfant',
		writerId: randomUUID(),
		baseRevision: 0,
		step: 0,
		data: { enfant: { personId: null, nom: 'DUPIN Tom' } },
		savedAt: '2026-11-28T08:55:00.000Z',
		...overrides
	};
}

/** Every row a demande mutation may write, counted: "nothing written" is all of them unchanged. */
export async function requestRows(ctx: TestCtx) {
	const tables = [
		'demande',
		'demande_history',
		'demande_document',
		'hall_day',
		'town_counter',
		'household_resource_version'
	] as const;
	const counts: Record<string, unknown> = {};
	for (const table of tables) counts[table] = await ctx.db.selectFrom(table).selectAll().execute();
	return counts;
}

/** A justificatif on file, as an upload (and, for `valide`, an agent) would leave it. */
export async function fileDocument(
	ctx: TestCtx,
	who: Actor,
	values: {
		type: string;
		personId?: number | null;
		personLabel?: string | null;
		status?: 'a-valider' | 'valide' | 'invalide';
		expiresOn?: string | null;
		uploadedAt?: string;
	}
): Promise<string> {
	const clientId = randomUUID();
	await ctx.db
		.insertInto('document')
		.values({
			client_id: clientId,
			household_id: who.account.householdId,
			person_id: values.personId ?? null,
			person_label: values.personLabel ?? null,
			type: values.type,
			status: values.status ?? 'a-valider',
			expires_on: values.expiresOn ?? null,
			reason: null,
			stored_name: randomUUID(),
			original_name: `${values.type}.pdf`,
			mime: 'application/pdf',
			size: 1234,
			sha256: '0'.repeat(64),
			uploaded_at: values.uploadedAt ?? '2026-11-01T10:00:00.000Z',
			uploaded_by: who.account.id
		})
		.execute();
	return clientId;
}

/** As the town would leave it (the back office is the next issue). */
export async function setStatus(ctx: TestCtx, demandeId: string, status: 'complement' | 'refusee' | 'clos') {
	await ctx.db.updateTable('demande').set({ status }).where('client_id', '=', demandeId).execute();
}
