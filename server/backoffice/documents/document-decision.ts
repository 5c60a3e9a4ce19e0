import type { DocumentDecision } from '../../../src/lib/domain/backoffice/documents/document-decision.ts';
import {
	DOCUMENT_TYPE_LABELS,
	type DocumentTypeCode
} from '../../../src/lib/domain/documents/document-types.ts';
import type { AppDeps } from '../../deps.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { noticeFamily, postTownMessage } from '../../messages/town-messages.ts';
import { bumpResourceVersion } from '../../sync/resource-version.ts';
import { writeAudit } from '../audit-log.ts';

export const REFUSED_SUBJECT = 'Un justificatif fourni a été refusé';

const notFound = () => new AppError(404, 'not_found', 'Justificatif introuvable.');
const alreadyDecided = () =>
	new AppError(409, 'already_decided', 'Ce justificatif vient d’être traité par un autre agent.');

/** "Attestation CAF de MARINELLI SONIA", as the manual names a justificatif. */
export function documentTitle(type: string, personLabel: string | null): string {
	const label = DOCUMENT_TYPE_LABELS[type as DocumentTypeCode] ?? type;
	return personLabel ? `${label} de ${personLabel}` : label;
}

/** The first demande still open (sent, taken or sent back) that uses the document: its thread. */
async function firstOpenDemande(trx: Db, documentId: number): Promise<number | null> {
	const row = await trx
		.selectFrom('demande_document')
		.innerJoin('demande', 'demande.id', 'demande_document.demande_id')
		.select('demande.id')
		.where('demande_document.document_id', '=', documentId)
		.where('demande.status', 'in', ['envoyee', 'en-cours', 'complement'])
		.orderBy('demande.number')
		.limit(1)
		.executeTakeFirst();
	return row?.id ?? null;
}

/**
 * Valide (with its expiry) or Invalide (with its reason), in one transaction with its audit line
 * and the family's version bump; the update holds only while the document is still "à valider",
 * so two agents deciding at once give one decision and one 409. A refusal writes the town's
 * message on the first open demande using it; the e-mail notice goes once committed.
 */
export async function decideDocument(
	deps: AppDeps,
	agentAccountId: number,
	id: number,
	decision: DocumentDecision
): Promise<{ status: DocumentDecision['statut'] }> {
	const now = deps.clock.now();
	const householdId = await deps.db.transaction().execute(async (trx) => {
		const doc = await trx
			.selectFrom('document')
			.innerJoin('household', 'household.id', 'document.household_id')
			.select([
				'document.household_id',
				'document.type',
				'document.person_label',
				'document.status',
				'document.expires_on',
				'document.reason'
			])
			.where('document.id', '=', id)
			.where('household.kind', '=', 'famille')
			.where('document.type', '!=', 'piece-jointe')
			.executeTakeFirst();
		if (!doc) throw notFound();
		const after =
			decision.statut === 'valide'
				? { status: 'valide' as const, expires_on: decision.expiresOn, reason: null }
				: { status: 'invalide' as const, expires_on: null, reason: decision.motif };
		const updated = await trx
			.updateTable('document')
			.set({ ...after, decided_at: now.toISOString(), decided_by: agentAccountId })
			.where('id', '=', id)
			.where('status', '=', 'a-valider')
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) !== 1) throw alreadyDecided();
		const title = documentTitle(doc.type, doc.person_label);
		await writeAudit(trx, now, {
			accountId: agentAccountId,
			action: decision.statut === 'valide' ? 'document.valider' : 'document.refuser',
			targetType: 'document',
			targetId: id,
			householdId: doc.household_id,
			summary: `${title} : ${decision.statut === 'valide' ? 'valide' : 'invalide'}`,
			before: { status: doc.status, expires_on: doc.expires_on, reason: doc.reason },
			after
		});
		await bumpResourceVersion(trx, doc.household_id, 'requests');
		if (decision.statut === 'invalide') {
			await postTownMessage(trx, now, {
				householdId: doc.household_id,
				demandeId: await firstOpenDemande(trx, id),
				subject: REFUSED_SUBJECT,
				body:
					`Le justificatif « ${title} » que vous avez fourni a été refusé. Motif : ${decision.motif}\n` +
					'Vous pouvez en fournir un nouveau depuis Échanges, « Mes justificatifs à fournir ».',
				agentAccountId
			});
		}
		return doc.household_id;
	});
	if (decision.statut === 'invalide') noticeFamily(deps, householdId);
	return { status: decision.statut };
}
