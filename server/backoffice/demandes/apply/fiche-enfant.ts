import type { FicheEnfant } from '../../../../src/lib/domain/requests/forms/fiche-enfant-schema.ts';
import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../http/errors.ts';
import { addChild } from '../../../profile/household-service.ts';
import { setEnrolments } from '../../../agenda/set-enrolments.ts';
import { bumpVersion } from '../../../sync/household-version.ts';
import { bumpResourceVersion } from '../../../sync/resource-version.ts';
import { namesOf } from '../../../profile/person-row.ts';
import { displayName } from '../../../../src/lib/domain/profile/person-name.ts';
import { applyConjoint } from './fiche-enfant-conjoint.ts';
import { saveChildRecord } from './fiche-enfant-record.ts';
import type { AcceptedDemande, AppliedChanges } from '../apply-accepted.ts';

const PERSON_GONE = new AppError(
	409,
	'person_gone',
	'La personne concernée n’est plus dans le foyer : la fiche ne peut pas être appliquée.'
);

async function householdPerson(trx: Db, householdId: number, personId: number) {
	return trx
		.selectFrom('person')
		.select(['id', 'sexe', 'role'])
		.where('id', '=', personId)
		.where('household_id', '=', householdId)
		.executeTakeFirst();
}

/** The school of the fiche, replacing the child's earlier one; none given keeps it. */
async function setSchool(trx: Db, personId: number, fiche: FicheEnfant): Promise<string[]> {
	const { etablissement, niveau } = fiche.enfant;
	if (!etablissement || !niveau) return [];
	await trx
		.insertInto('school_enrolment')
		.values({ person_id: personId, school: etablissement, level: niveau })
		.onConflict((oc) => oc.column('person_id').doUpdateSet({ school: etablissement, level: niveau }))
		.execute();
	return [`Scolarité : ${etablissement}, ${niveau}`];
}

/**
 * Accepting a fiche enfant: the child joins the household when new (linked to the responsable as
 * father, mother or legal guardian), his school is set and he is enrolled in the fiche's sessions,
 * (replacing those he had: see setEnrolments), so the family can book them in the agenda from the next pull on (the household's agenda version
 * rises). The demande then names the child by his id.
 */
export async function applyFicheEnfant(
	trx: Db,
	now: Date,
	demande: AcceptedDemande,
	agentAccountId: number
): Promise<AppliedChanges> {
	const fiche = demande.data as FicheEnfant;
	const at = now.toISOString();
	const changes: string[] = [];
	let childId: number;
	if (fiche.enfant.enfant) {
		const child = await householdPerson(trx, demande.householdId, fiche.enfant.enfant.personId);
		if (!child) throw PERSON_GONE;
		childId = child.id;
	} else {
		const parent = await householdPerson(trx, demande.householdId, fiche.responsable.responsable.personId);
		if (!parent) throw PERSON_GONE;
		const nouveau = fiche.enfant.nouvelEnfant!;
		childId = await addChild(
			trx,
			demande.householdId,
			{
				personId: parent.id,
				relation: parent.sexe === 'F' ? 'mere' : parent.sexe === 'M' ? 'pere' : 'responsable-legal'
			},
			{
				sexe: nouveau.sexe === 'fille' ? 'F' : 'M',
				nomNaissance: nouveau.nomNaissance,
				prenom: nouveau.prenom,
				dateNaissance: nouveau.dateNaissance,
				paysNaissance: nouveau.paysNaissance,
				communeNaissance: nouveau.communeNaissance,
				departementNaissance: nouveau.departementNaissance ?? null
			},
			at
		);
		changes.push(`Enfant ${nouveau.nomNaissance.toUpperCase()} ${nouveau.prenom} ajouté au foyer`);
		await trx.updateTable('demande').set({ person_id: childId }).where('id', '=', demande.id).execute();
		// The family's Mes demandes names the child by his id from now on.
		await bumpResourceVersion(trx, demande.householdId, 'requests');
	}
	changes.push(...(await setSchool(trx, childId, fiche)));
	// The fiche says all the child's sessions: one it no longer ticks ends, with its future bookings.
	const enrolments = await setEnrolments(trx, now, {
		householdId: demande.householdId,
		personId: childId,
		sessions: fiche.enfant.sessions,
		agentAccountId,
		demandeId: demande.id
	});
	changes.push(...enrolments.changes);
	const child = await trx
		.selectFrom('person')
		.select(['nom_naissance', 'nom_usage', 'prenom'])
		.where('id', '=', childId)
		.executeTakeFirstOrThrow();
	changes.push(
		...(await applyConjoint(trx, at, demande.householdId, fiche, {
			id: childId,
			name: displayName(namesOf(child))
		}))
	);
	changes.push(...(await saveChildRecord(trx, at, demande.id, childId, fiche)));
	await bumpVersion(trx, demande.householdId);
	return { changes };
}
