import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../server/deps.ts';
import type { PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import { createFamily, postPush } from './families.ts';
import { ADDRESS_LABEL, ficheEnfantAnswers } from './requests-data.ts';
import { pdfOfSize, putDocument } from './requests-http.ts';

export const ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const SUBMIT_ROUNDS = 20;

export type Submission = { roundsMs: number[]; warmUpMs: number; p50: number; p95: number };

const quantile = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/**
 * A fiche enfant sent as the browser's outbox sends it: its two justificatifs (2 MB PDFs) uploaded
 * one after the other, then the `demande.submit.v1` push naming them; timed from the first byte
 * sent to the push's answer, the submission checked as applied. One warm-up, then 20 rounds, each
 * a new demande and new files of a household made by the app's services, with its address.
 */
export async function measureSubmission(
	deps: AppDeps,
	appUrl: string,
	passwordHash: string
): Promise<Submission> {
	const family = await createFamily(deps, 'FICHE', 1, passwordHash);
	const now = deps.clock.now().toISOString();
	const address = await deps.db
		.insertInto('address')
		.values({
			household_id: family.householdId,
			name: 'Domicile',
			country: 'France',
			city: 'HESDIGNEUL LES BOULOGNE',
			postal_code: '62360',
			street_number: '12',
			number_complement: null,
			street: 'Rue des Buissons Fleuris',
			street_complement: null,
			is_default: 1,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const child = family.childIds[0]!;
	const files = [pdfOfSize(ATTACHMENT_BYTES), pdfOfSize(ATTACHMENT_BYTES)];
	const today = now.slice(0, 10);
	const generated = {
		household: family.householdId,
		account: family.accountId,
		parent: 0,
		address: address.id,
		author: 'FICHE Claire',
		nom: 'FICHE',
		children: [{ id: child, prenom: 'Emma', birth: '2014-01-10' }]
	};
	const titulaire = await deps.db
		.selectFrom('account')
		.select('person_id')
		.where('id', '=', family.accountId)
		.executeTakeFirstOrThrow();
	generated.parent = titulaire.person_id!;

	const round = async (): Promise<number> => {
		const caf = { documentId: randomUUID(), type: 'attestation-caf', name: 'attestation-caf.pdf' };
		const livret = {
			documentId: randomUUID(),
			type: 'livret-famille',
			name: 'livret-de-famille.pdf',
			personId: child,
			personLabel: 'FICHE Emma'
		};
		const { answers } = ficheEnfantAnswers(generated, 0, today);
		answers.responsable.adresse.label = ADDRESS_LABEL;
		answers.justificatifs.justificatifs = {
			'attestation-caf': { choice: 'envoyer', documentId: caf.documentId },
			'livret-famille': { choice: 'envoyer', documentId: livret.documentId },
			'justificatif-domicile': { choice: 'plus-tard' },
			'assurance-rc': { choice: 'plus-tard' }
		};
		const submit = {
			id: randomUUID(),
			kind: 'demande.submit.v1',
			createdAt: now,
			payload: {
				demandeId: randomUUID(),
				formCode: 'fiche-enfant',
				writerId: randomUUID(),
				baseRevision: 0,
				step: 6,
				data: answers,
				savedAt: now
			}
		};
		const started = performance.now();
		for (const [i, upload] of [caf, livret].entries()) {
			const status = await putDocument(appUrl, family.cookie, upload, files[i]!);
			if (status !== 201) throw new Error(`justificatif non reçu : ${status}`);
		}
		const answer = (await postPush(appUrl, family.cookie, [submit])) as PushResponse;
		const took = performance.now() - started;
		if (answer.results[0]?.status !== 'applied') throw new Error(`envoi refusé : ${JSON.stringify(answer)}`);
		await asIfAnotherDay();
		return took;
	};
	// One household sends them all: untimed, each round starts as on another day with its fiche
	// answered by the town, so the household's bounds (20 demandes a day, 30 waiting) stay out of it.
	const asIfAnotherDay = async () => {
		await deps.db
			.withTables<{ household_demande_budget: { household_id: number } }>()
			.deleteFrom('household_demande_budget')
			.where('household_id', '=', family.householdId)
			.execute();
		await deps.db
			.updateTable('demande')
			.set({ status: 'clos' })
			.where('household_id', '=', family.householdId)
			.execute();
	};
	const warmUpMs = await round();
	const roundsMs: number[] = [];
	for (let i = 0; i < SUBMIT_ROUNDS; i++) roundsMs.push(await round());
	const sorted = [...roundsMs].sort((a, b) => a - b);
	return { roundsMs, warmUpMs, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}
