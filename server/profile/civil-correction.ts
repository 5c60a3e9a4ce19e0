import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';

/** The civil fields a correction may change; null (or absent) leaves the field as it is. */
export type CivilCorrections = Partial<{
	civilite: 'Monsieur' | 'Madame' | null;
	nomNaissance: string | null;
	nomUsage: string | null;
	prenom: string | null;
	prenom2: string | null;
	prenom3: string | null;
	dateNaissance: string | null;
	paysNaissance: string | null;
	communeNaissance: string | null;
	departementNaissance: string | null;
}>;

type PersonColumns = {
	civilite: string | null;
	sexe: string | null;
	nom_naissance: string;
	nom_usage: string | null;
	prenom: string;
	prenom2: string | null;
	prenom3: string | null;
	date_naissance: string;
	pays_naissance: string;
	commune_naissance: string;
	departement_naissance: string | null;
};

/** Each correction's column, written as registration writes it (names and communes in capitals). */
function columnsOf(c: CivilCorrections): Partial<PersonColumns> {
	const set: Partial<PersonColumns> = {};
	if (c.civilite) Object.assign(set, { civilite: c.civilite, sexe: c.civilite === 'Madame' ? 'F' : 'M' });
	if (c.nomNaissance) set.nom_naissance = c.nomNaissance.toUpperCase();
	if (c.nomUsage) set.nom_usage = c.nomUsage.toUpperCase();
	if (c.prenom) set.prenom = c.prenom;
	if (c.prenom2) set.prenom2 = c.prenom2;
	if (c.prenom3) set.prenom3 = c.prenom3;
	if (c.dateNaissance) set.date_naissance = c.dateNaissance;
	if (c.paysNaissance) set.pays_naissance = c.paysNaissance;
	if (c.communeNaissance) set.commune_naissance = c.communeNaissance.toUpperCase();
	if (c.departementNaissance) set.departement_naissance = c.departementNaissance.toUpperCase();
	return set;
}

/**
 * Corrects the named civil fields of one person of the household, and only those, in the caller's
 * transaction (an accepted "Correction de données d'état civil"). Returns the changed columns'
 * values before and after (the audit line). Another household's person: 404.
 */
export async function correctCivil(
	trx: Db,
	householdId: number,
	personId: number,
	corrections: CivilCorrections
): Promise<{ before: Partial<PersonColumns>; after: Partial<PersonColumns> }> {
	const row = await trx
		.selectFrom('person')
		.select([
			'civilite',
			'sexe',
			'nom_naissance',
			'nom_usage',
			'prenom',
			'prenom2',
			'prenom3',
			'date_naissance',
			'pays_naissance',
			'commune_naissance',
			'departement_naissance'
		])
		.where('id', '=', personId)
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	if (!row) throw new AppError(404, 'not_found', 'Personne introuvable dans ce foyer.');
	const wanted = columnsOf(corrections);
	const keys = (Object.keys(wanted) as (keyof PersonColumns)[]).filter((k) => row[k] !== wanted[k]);
	const before = Object.fromEntries(keys.map((k) => [k, row[k]])) as Partial<PersonColumns>;
	const after = Object.fromEntries(keys.map((k) => [k, wanted[k]])) as Partial<PersonColumns>;
	if (keys.length > 0) await trx.updateTable('person').set(after).where('id', '=', personId).execute();
	return { before, after };
}
