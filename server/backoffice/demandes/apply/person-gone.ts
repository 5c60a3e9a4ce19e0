import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../http/errors.ts';

/** A person a demande names who is no longer in the household (or never was): nothing applies. */
export const personGone = () =>
	new AppError(
		409,
		'person_gone',
		'La personne concernée n’est plus dans le foyer : la demande ne peut pas être appliquée.'
	);

/** The household's person of that id, or the refusal above. */
export async function householdPersonOrGone(trx: Db, householdId: number, personId: number) {
	const row = await trx
		.selectFrom('person')
		.select(['id', 'nom_naissance', 'nom_usage', 'prenom', 'sexe'])
		.where('id', '=', personId)
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	if (!row) throw personGone();
	return row;
}
