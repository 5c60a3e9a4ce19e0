import type { DocumentNeed } from '../../src/lib/domain/requests/form-definition.ts';
import type { Db } from '../db/database.ts';
import { isHouseholdPerson } from '../profile/household-person.ts';

/**
 * What a sent demande needs, type by type (demande_document), and the document given for each.
 * A document named by the answers counts only when it is this household's (another's UUID is
 * "Non fourni", and reveals nothing); a type with none given takes the household's still-valid
 * document of that type and person on file, so a family does not send its livret twice.
 */

async function givenDocument(db: Db, householdId: number, clientId: string): Promise<number | null> {
	const row = await db
		.selectFrom('document')
		.select('id')
		.where('client_id', '=', clientId)
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	return row?.id ?? null;
}

async function validOnFile(
	db: Db,
	householdId: number,
	need: Pick<DocumentNeed, 'type' | 'personId' | 'personLabel'>,
	today: string
): Promise<number | null> {
	let query = db
		.selectFrom('document')
		.select('id')
		.where('household_id', '=', householdId)
		.where('type', '=', need.type)
		.where('person_id', 'is', need.personId)
		.where('status', '=', 'valide')
		.where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]));
	// A person not in the household yet (a new child) is known by the label the family wrote.
	if (need.personId === null && need.personLabel !== null)
		query = query.where('person_label', '=', need.personLabel);
	const row = await query.orderBy('uploaded_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
	return row?.id ?? null;
}

/** Replaces the demande's needs (sent again after a complément: the answers may have changed). */
export async function linkNeeds(
	trx: Db,
	householdId: number,
	demandeId: number,
	needs: readonly DocumentNeed[],
	today: string
): Promise<void> {
	await trx.deleteFrom('demande_document').where('demande_id', '=', demandeId).execute();
	// One need per type (the table's key); a form lists a few, at most one per document type.
	const byType = new Map<string, DocumentNeed>();
	for (const need of needs) if (!byType.has(need.type)) byType.set(need.type, need);
	for (const need of byType.values()) {
		const personId =
			need.personId !== null && (await isHouseholdPerson(trx, householdId, need.personId))
				? need.personId
				: null;
		const person = { ...need, personId };
		const documentId = need.documentId
			? await givenDocument(trx, householdId, need.documentId)
			: await validOnFile(trx, householdId, person, today);
		await trx
			.insertInto('demande_document')
			.values({
				demande_id: demandeId,
				type: need.type,
				person_id: personId,
				person_label: need.personLabel,
				document_id: documentId
			})
			.execute();
	}
}
