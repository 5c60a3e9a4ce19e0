import type { MiseAJourAdresse } from '../../../../src/lib/domain/requests/forms/mise-a-jour-adresse.ts';
import { addressLine } from '../../../../src/lib/domain/requests/forms/address.ts';
import { frenchDate } from '../../../../src/lib/domain/requests/recap.ts';
import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../http/errors.ts';
import { insertAddress, replaceAddress } from '../../../profile/profile-service.ts';
import type { AcceptedDemande, AppliedChanges } from '../apply-accepted.ts';

/**
 * Accepting a change of address writes it to the profile as "Mes adresses" would: a new address
 * added, or the one the family chose to replace rewritten in place (same rules: names, the one
 * default address, at most MAX_ADDRESSES).
 */
export async function applyMiseAJourAdresse(
	trx: Db,
	now: Date,
	demande: AcceptedDemande
): Promise<AppliedChanges> {
	const { nouvelleAdresse, remplace, dateEffet } = (demande.data as MiseAJourAdresse).adresse;
	const at = now.toISOString();
	const line = `${nouvelleAdresse.name} : ${addressLine(nouvelleAdresse)} (à partir du ${frenchDate(dateEffet)})`;
	if (!remplace) {
		await insertAddress(trx, demande.householdId, nouvelleAdresse, at);
		return { changes: [`Adresse ajoutée : ${line}`] };
	}
	const replaced = await trx
		.selectFrom('address')
		.select('id')
		.where('id', '=', remplace.addressId)
		.where('household_id', '=', demande.householdId)
		.executeTakeFirst();
	if (!replaced)
		throw new AppError(
			409,
			'address_gone',
			'L’adresse à remplacer n’est plus dans le profil de la famille : la demande ne peut pas être appliquée.'
		);
	await replaceAddress(trx, demande.householdId, replaced.id, nouvelleAdresse, at);
	return { changes: [`Adresse remplacée (${remplace.label}) par : ${line}`] };
}
