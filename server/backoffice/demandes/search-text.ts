import { foldForSearch } from '../../../src/lib/domain/text/normalize.ts';
import type { Db } from '../../db/database.ts';

/**
 * What the queue's search box matches for a demande, folded as the box's text is: its number, the
 * person concerned, every name of the family and its accounts' e-mails. Written when the family
 * sends it (server/requests/requests-service.ts), so a search is one LIKE on one column.
 */
export async function demandeSearchText(
	trx: Db,
	householdId: number,
	number: number,
	personLabel: string | null
): Promise<string> {
	const persons = await trx
		.selectFrom('person')
		.select(['nom_naissance', 'nom_usage', 'prenom'])
		.where('household_id', '=', householdId)
		.limit(50)
		.execute();
	const emails = await trx
		.selectFrom('account')
		.select('email')
		.where('household_id', '=', householdId)
		.limit(20)
		.execute();
	return foldForSearch(
		[
			String(number),
			personLabel ?? '',
			...persons.flatMap((p) => [p.nom_naissance, p.nom_usage ?? '', p.prenom]),
			...emails.map((a) => a.email)
		].join(' ')
	);
}
