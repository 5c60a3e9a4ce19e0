import type { FicheEnfant } from '../../../../src/lib/domain/requests/forms/fiche-enfant-schema.ts';
import { displayName } from '../../../../src/lib/domain/profile/person-name.ts';
import { RELATION_LABELS } from '../../../../src/lib/domain/profile/profile.ts';
import { newPersonLabel } from '../../../../src/lib/domain/requests/forms/new-person.ts';
import type { Db } from '../../../db/database.ts';
import { addAdult, linkPersons } from '../../../profile/household-service.ts';
import { namesOf } from '../../../profile/person-row.ts';
import { householdPersonOrGone } from './person-gone.ts';

type Conjoint = Extract<FicheEnfant['conjoint'], { ajouter: 'oui' }>;

/**
 * The conjoint written in full: an adult of the household with the same names is him (a fiche for
 * a brother or sister names the same second parent), otherwise he joins the household.
 */
async function conjointPerson(trx: Db, householdId: number, conjoint: Conjoint, now: string) {
	if (conjoint.personId !== null) {
		const found = await householdPersonOrGone(trx, householdId, conjoint.personId);
		return { id: found.id, name: displayName(namesOf(found)), added: false };
	}
	const same = await trx
		.selectFrom('person')
		.select('id')
		.where('household_id', '=', householdId)
		.where('role', '!=', 'enfant')
		.where('nom_naissance', '=', conjoint.nomNaissance.toUpperCase())
		.where('prenom', '=', conjoint.prenom)
		.executeTakeFirst();
	const name = newPersonLabel(conjoint);
	if (same) return { id: same.id, name, added: false };
	return { id: await addAdult(trx, householdId, conjoint, now), name, added: true };
}

/**
 * The fiche's conjoint: in the household, linked to the responsable (conjoint) and to the child
 * (father or mother), with the phones, e-mail and own address the fiche gives for him.
 */
export async function applyConjoint(
	trx: Db,
	now: string,
	householdId: number,
	fiche: FicheEnfant,
	child: { id: number; name: string }
): Promise<string[]> {
	if (fiche.conjoint.ajouter !== 'oui') return [];
	const conjoint = fiche.conjoint;
	const person = await conjointPerson(trx, householdId, conjoint, now);
	const changes = person.added ? [`Conjoint ${person.name} ajouté au foyer`] : [];
	const responsableId = fiche.responsable.responsable.personId;
	if (person.id !== responsableId)
		await linkPersons(trx, householdId, { personId: responsableId, relatedId: person.id, kind: 'conjoint' });
	const kind = conjoint.civilite === 'Madame' ? 'mere' : 'pere';
	if (await linkPersons(trx, householdId, { personId: person.id, relatedId: child.id, kind }))
		changes.push(`Lien : ${person.name}, ${RELATION_LABELS[kind]} de ${child.name}`);
	const phones = [
		['portable', conjoint.telephonePortable],
		['fixe', conjoint.telephoneFixe]
	] as const;
	for (const [phoneKind, number] of phones) {
		if (!number) continue;
		await trx
			.insertInto('phone')
			.values({ person_id: person.id, kind: phoneKind, number })
			.onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet({ number }))
			.execute();
	}
	if (conjoint.email || conjoint.adresse) {
		const values = {
			email: conjoint.email,
			address_json: conjoint.adresse ? JSON.stringify(conjoint.adresse) : null
		};
		await trx
			.insertInto('person_contact')
			.values({ person_id: person.id, ...values })
			.onConflict((oc) => oc.column('person_id').doUpdateSet(values))
			.execute();
	}
	return changes;
}
