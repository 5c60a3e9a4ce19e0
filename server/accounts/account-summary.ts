import type { AccountSummary } from '../../src/lib/domain/accounts/account-summary.ts';
import { familyName } from '../../src/lib/domain/profile/person-name.ts';
import type { Db } from '../db/database.ts';

export type { AccountSummary };

export async function accountSummary(db: Db, accountId: number): Promise<AccountSummary> {
	const row = await db
		.selectFrom('account')
		.innerJoin('person', 'person.id', 'account.person_id')
		.select(['account.username', 'account.role', 'person.prenom', 'person.nom_naissance', 'person.nom_usage'])
		.where('account.id', '=', accountId)
		.executeTakeFirstOrThrow();
	return {
		identifiant: row.username,
		prenom: row.prenom,
		nom: familyName({ nomUsage: row.nom_usage, nomNaissance: row.nom_naissance }),
		role: row.role
	};
}
