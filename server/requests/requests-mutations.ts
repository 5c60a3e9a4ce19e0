import { displayName } from '../../src/lib/domain/profile/person-name.ts';
import { FORMS } from '../../src/lib/domain/requests/forms/index.ts';
import type { Mutation, MutationResult } from '../../src/lib/domain/sync/protocol.ts';
import type { Db } from '../db/database.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { namesOf } from '../profile/person-row.ts';
import { applyOnce } from '../sync/apply-once.ts';
import type { MutationHandler } from '../sync/mutation-handler.ts';
import { provideDocument, type ProvideOutcome } from './provide-document.ts';
import type { DemandeOutcome } from './request-refusals.ts';
import { deleteDraft, saveDraft, submitDemande, type FormLookup } from './requests-service.ts';

type RequestKind = 'demande.save.v1' | 'demande.submit.v1' | 'demande.delete.v1' | 'document.provide.v1';
type RequestMutation = Extract<Mutation, { kind: RequestKind }>;

const forms: FormLookup = (code) => FORMS[code];

async function authorOf(db: Db, account: CurrentAccount): Promise<string> {
	const person = await db
		.selectFrom('person')
		.select(['nom_naissance', 'nom_usage', 'prenom'])
		.where('id', '=', account.personId)
		.executeTakeFirstOrThrow();
	return displayName(namesOf(person));
}

function providedResult(id: string, outcome: ProvideOutcome) {
	if (outcome.ok) return { result: { id, status: 'applied' } satisfies MutationResult };
	const { code, reason, keep } = outcome;
	return { result: { id, status: 'rejected', code, reason } satisfies MutationResult, keep };
}

function resultOf(id: string, outcome: DemandeOutcome): MutationResult {
	if (outcome.ok)
		return outcome.demande ? { id, status: 'applied', demande: outcome.demande } : { id, status: 'applied' };
	const { ok: _ok, ...refusal } = outcome;
	return { id, status: 'rejected', ...refusal };
}

/**
 * The demandes' mutations (Mes demandes, DESIGN §4), each applied once with its stored answer
 * (applyOnce): a replayed save or submission (an answer lost on the way back, a second tab) finds
 * its answer and changes nothing, so an offline submission sent twice is one demande. Refusals are
 * kept too: the same mutation sent again is refused alike; the parent's next choice is a new one.
 */
export const requestMutations: MutationHandler<RequestKind> = {
	kinds: ['demande.save.v1', 'demande.submit.v1', 'demande.delete.v1', 'document.provide.v1'],
	async apply(deps, account, mutation: RequestMutation, push) {
		if (mutation.kind === 'document.provide.v1') {
			const { payload } = mutation;
			return applyOnce(deps, account, mutation, async (trx, now) =>
				providedResult(mutation.id, await provideDocument(trx, account, now, payload))
			);
		}
		const author = await push.once('requests.author', () => authorOf(deps.db, account));
		return applyOnce(deps, account, mutation, async (trx, now) => {
			const ctx = { account, author, now, forms };
			const outcome =
				mutation.kind === 'demande.delete.v1'
					? await deleteDraft(trx, ctx, mutation.payload)
					: mutation.kind === 'demande.save.v1'
						? await saveDraft(trx, ctx, mutation.payload)
						: await submitDemande(trx, ctx, mutation.payload);
			return { result: resultOf(mutation.id, outcome) };
		});
	}
};
