import type { Db } from '../db/database.ts';

/** Who is signed in, as the header shows it ("Bonjour Pascal DUPIN"). */
export type AccountSummary = { identifiant: string; prenom: string; nom: string; role: 'citizen' | 'agent' };

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
		nom: (row.nom_usage ?? row.nom_naissance).toUpperCase(),
		role: row.role
	};
}
