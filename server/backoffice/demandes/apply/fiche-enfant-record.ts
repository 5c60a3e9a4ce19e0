import {
	AUTORISATION_SHORT,
	SITUATION_LABELS,
	type AutorisationCode
} from '../../../../src/lib/domain/requests/forms/fiche-enfant-lists.ts';
import type { FicheEnfant } from '../../../../src/lib/domain/requests/forms/fiche-enfant-schema.ts';
import type { Db } from '../../../db/database.ts';

/**
 * What the fiche declares about the child for the agents and the activities' staff: the PAI flag,
 * the situation familiale, each authorisation, and the other persons to call or allowed to fetch
 * him (the previous fiche's list replaced: it is the family's latest word).
 */
export async function saveChildRecord(
	trx: Db,
	now: string,
	demandeId: number,
	childId: number,
	fiche: FicheEnfant
): Promise<string[]> {
	const record = {
		pai: fiche.enfant.pai === 'oui' ? 1 : 0,
		situation_familiale: fiche.responsable.situationFamiliale,
		autre_situation:
			fiche.responsable.autreSituation === 'oui' ? fiche.responsable.autreSituationPrecision : null,
		demande_id: demandeId,
		updated_at: now
	};
	await trx
		.insertInto('child_record')
		.values({ person_id: childId, ...record })
		.onConflict((oc) => oc.column('person_id').doUpdateSet(record))
		.execute();
	const codes = Object.keys(AUTORISATION_SHORT) as AutorisationCode[];
	await trx
		.insertInto('child_authorisation')
		.values(
			codes.map((code) => ({
				person_id: childId,
				code,
				granted: fiche.autorisations[code] === 'oui' ? 1 : 0
			}))
		)
		.onConflict((oc) =>
			oc.columns(['person_id', 'code']).doUpdateSet((eb) => ({ granted: eb.ref('excluded.granted') }))
		)
		.execute();
	await trx.deleteFrom('child_contact').where('person_id', '=', childId).execute();
	const persons = fiche['autres-personnes'].personnes;
	if (persons.length > 0)
		await trx
			.insertInto('child_contact')
			.values(
				persons.map((p) => ({
					person_id: childId,
					nom: p.nom.toUpperCase(),
					prenom: p.prenom,
					lien: p.lien,
					telephone: p.telephone,
					contact_urgence: p.contactUrgence ? 1 : 0,
					autorisee_chercher: p.autoriseeChercher ? 1 : 0
				}))
			)
			.execute();
	return [
		`PAI : ${fiche.enfant.pai}`,
		`Situation familiale : ${SITUATION_LABELS[fiche.responsable.situationFamiliale]}`,
		`Autorisations : ${codes.map((c) => `${AUTORISATION_SHORT[c]} : ${fiche.autorisations[c]}`).join(' ; ')}`,
		...(persons.length > 0
			? [
					`Autres personnes : ${persons.map((p) => `${p.nom.toUpperCase()} ${p.prenom} (${p.lien})`).join(', ')}`
				]
			: [])
	];
}
