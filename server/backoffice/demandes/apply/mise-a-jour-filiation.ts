import { displayName } from '../../../../src/lib/domain/profile/person-name.ts';
import { RELATION_LABELS } from '../../../../src/lib/domain/profile/profile.ts';
import type { MiseAJourFiliation } from '../../../../src/lib/domain/requests/forms/mise-a-jour-filiation.ts';
import { newPersonLabel } from '../../../../src/lib/domain/requests/forms/new-person.ts';
import type { Db } from '../../../db/database.ts';
import { addAdult, linkPersons } from '../../../profile/household-service.ts';
import { namesOf } from '../../../profile/person-row.ts';
import type { AcceptedDemande, AppliedChanges } from '../apply-accepted.ts';
import { householdPersonOrGone } from './person-gone.ts';

/**
 * Accepting a filiation links the adult to the child as father, mother or legal guardian; an adult
 * written in full first joins the household. The profile's "Liens" then show it.
 */
export async function applyMiseAJourFiliation(
	trx: Db,
	now: Date,
	demande: AcceptedDemande
): Promise<AppliedChanges> {
	const { enfant, adulte, nouvelAdulte, lien } = (demande.data as MiseAJourFiliation).filiation;
	const child = await householdPersonOrGone(trx, demande.householdId, enfant.personId);
	const changes: string[] = [];
	let adultId: number;
	let adultName: string;
	if (adulte) {
		const found = await householdPersonOrGone(trx, demande.householdId, adulte.personId);
		adultId = found.id;
		adultName = displayName(namesOf(found));
	} else {
		const written = nouvelAdulte!;
		adultId = await addAdult(trx, demande.householdId, written, now.toISOString());
		adultName = newPersonLabel(written);
		changes.push(`Adulte ${adultName} ajouté au foyer`);
	}
	const added = await linkPersons(trx, demande.householdId, {
		personId: adultId,
		relatedId: child.id,
		kind: lien
	});
	if (added) changes.push(`Lien : ${adultName}, ${RELATION_LABELS[lien]} de ${displayName(namesOf(child))}`);
	return { changes };
}
