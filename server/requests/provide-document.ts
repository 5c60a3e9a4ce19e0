import { parisDate } from '../../src/lib/domain/agenda/paris-time.ts';
import {
	PROVIDE_FILE_MISSING,
	PROVIDE_NOT_FOUND,
	type DocumentProvidePayload
} from '../../src/lib/domain/requests/provide-document.ts';
import type { Db } from '../db/database.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { isHouseholdPerson } from '../profile/household-person.ts';
import { bumpResourceVersion } from '../sync/resource-version.ts';

/** Sent, taken or sent back: the town still waits for its justificatifs (never a draft, clos, refusée). */
const OPEN_STATUSES = ['envoyee', 'en-cours', 'complement'] as const;

export type ProvideOutcome =
	{ ok: true; linked: number } | { ok: false; code: string; reason: string; keep?: boolean };

const notFound = (): ProvideOutcome => ({
	ok: false,
	code: PROVIDE_NOT_FOUND,
	reason: 'Cette personne ou ce justificatif est introuvable.'
});

/**
 * "Fournir" (Mes justificatifs à fournir): the household's file `documentId`, already received by
 * the upload route, becomes the document of every open demande of the household waiting for that
 * (type, person), in the push's transaction, and of every Clos one whose justificatif the town
 * refused (it accepted the demande but still asks for that document). Waiting: no document, or one that is not valid today
 * (refused, expired, or still to check: the newest file answers); a demande holding a valid one is
 * left alone. A person or file of another household is answered as unknown, and nothing is linked.
 */
export async function provideDocument(
	trx: Db,
	account: CurrentAccount,
	now: Date,
	payload: DocumentProvidePayload
): Promise<ProvideOutcome> {
	const householdId = account.householdId;
	if (payload.personId !== null && !(await isHouseholdPerson(trx, householdId, payload.personId)))
		return notFound();
	const document = await trx
		.selectFrom('document')
		.select(['id', 'household_id', 'type', 'person_id'])
		.where('client_id', '=', payload.documentId)
		.executeTakeFirst();
	// Not here yet: the file was refused, or is still on its way; decided again when sent again.
	if (!document)
		return {
			ok: false,
			code: PROVIDE_FILE_MISSING,
			reason: "Le fichier n'a pas été reçu par la mairie : choisissez-le à nouveau.",
			keep: false
		};
	if (
		document.household_id !== householdId ||
		document.type !== payload.type ||
		document.person_id !== payload.personId
	)
		return notFound();

	const today = parisDate(now);
	let waiting = trx
		.selectFrom('demande_document')
		.innerJoin('demande', 'demande.id', 'demande_document.demande_id')
		.leftJoin('document', 'document.id', 'demande_document.document_id')
		.select('demande_document.demande_id')
		.where('demande.household_id', '=', householdId)
		.where((eb) =>
			eb.or([
				eb('demande.status', 'in', OPEN_STATUSES),
				// Accepted while the town refused this justificatif: it still asks for another one.
				eb.and([eb('demande.status', '=', 'clos'), eb('document.status', 'in', ['invalide', 'a-valider'])])
			])
		)
		.where('demande_document.type', '=', payload.type)
		.where('demande_document.person_id', 'is', payload.personId)
		.where((eb) =>
			eb.or([
				eb('document.id', 'is', null),
				eb('document.status', '!=', 'valide'),
				eb.and([eb('document.expires_on', 'is not', null), eb('document.expires_on', '<', today)])
			])
		);
	// A person not in the household yet (a new child) is known by the label the family wrote.
	if (payload.personId === null && payload.personLabel !== null)
		waiting = waiting.where('demande_document.person_label', '=', payload.personLabel);
	// Bounded: a household has at most MAX_OPEN_DEMANDES open demandes, one row per type each.
	const rows = await waiting.limit(100).execute();
	const ids = rows.map((r) => r.demande_id);
	if (ids.length > 0) {
		await trx
			.updateTable('demande_document')
			.set({ document_id: document.id })
			.where('demande_id', 'in', ids)
			.where('type', '=', payload.type)
			.execute();
	}
	await bumpResourceVersion(trx, householdId, 'requests');
	return { ok: true, linked: ids.length };
}
