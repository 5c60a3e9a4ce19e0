import {
	CIVIL_FIELD_LABELS,
	type CorrectionEtatCivil
} from '../../../../src/lib/domain/requests/forms/correction-etat-civil.ts';
import { frenchDate } from '../../../../src/lib/domain/requests/recap.ts';
import type { Db } from '../../../db/database.ts';
import { correctCivil } from '../../../profile/civil-correction.ts';
import { bumpVersion } from '../../../sync/household-version.ts';
import type { AcceptedDemande, AppliedChanges } from '../apply-accepted.ts';
import { householdPersonOrGone } from './person-gone.ts';

/** Each column correctCivil may change, with the form's label ("Nom de naissance"). */
const COLUMN_LABELS: Record<string, string> = {
	civilite: CIVIL_FIELD_LABELS.civilite,
	nom_naissance: CIVIL_FIELD_LABELS.nomNaissance,
	nom_usage: CIVIL_FIELD_LABELS.nomUsage,
	prenom: CIVIL_FIELD_LABELS.prenom,
	prenom2: CIVIL_FIELD_LABELS.prenom2,
	prenom3: CIVIL_FIELD_LABELS.prenom3,
	date_naissance: CIVIL_FIELD_LABELS.dateNaissance,
	pays_naissance: CIVIL_FIELD_LABELS.paysNaissance,
	commune_naissance: CIVIL_FIELD_LABELS.communeNaissance,
	departement_naissance: CIVIL_FIELD_LABELS.departementNaissance
};

const shown = (column: string, value: string | null | undefined) =>
	!value ? '(vide)' : column === 'date_naissance' ? frenchDate(value) : value;

/**
 * Accepting a correction of civil data changes the fields the family named, and only those. The
 * agenda names the children: its version rises so the devices pull the corrected names.
 */
export async function applyCorrectionEtatCivil(trx: Db, demande: AcceptedDemande): Promise<AppliedChanges> {
	const { personne, corrections } = (demande.data as CorrectionEtatCivil)['etat-civil'];
	await householdPersonOrGone(trx, demande.householdId, personne.personId);
	const { before, after } = await correctCivil(trx, demande.householdId, personne.personId, corrections);
	const columns = Object.keys(after).filter((c) => c !== 'sexe') as (keyof typeof after)[];
	if (columns.length > 0) await bumpVersion(trx, demande.householdId);
	return {
		changes: columns.map(
			(c) => `${personne.label} — ${COLUMN_LABELS[c] ?? c} : ${shown(c, before[c])} → ${shown(c, after[c])}`
		)
	};
}
