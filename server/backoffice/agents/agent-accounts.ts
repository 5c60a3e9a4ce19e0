import { defaultUsername, uniqueUsername } from '../../../src/lib/domain/accounts/username.ts';
import type { AgentRole } from '../../../src/lib/domain/accounts/roles.ts';
import type { Db } from '../../db/database.ts';

/**
 * What an agent's password hash is until the agent chooses one through the e-mailed link: not an
 * Argon2 hash, so no password ever matches it (verifyPassword answers false).
 */
export const NO_PASSWORD_YET = '!en-attente-d-activation';

export type NewAgent = {
	email: string;
	prenom: string;
	nom: string;
	role: AgentRole;
	/** Chosen by the caller (the demo's `agent.mairie`); else prénom.nom, made unique. */
	username?: string;
	/** An Argon2 hash (the demo, tests); else NO_PASSWORD_YET and an activation link is mailed. */
	passwordHash?: string;
};

/** The town hall's household (migration 0011), made once: it holds the agents' persons. */
export async function townHouseholdId(trx: Db, now: string): Promise<number> {
	const found = await trx
		.selectFrom('household')
		.select('id')
		.where('kind', '=', 'mairie')
		.executeTakeFirst();
	if (found) return found.id;
	const created = await trx
		.insertInto('household')
		.values({ created_at: now, kind: 'mairie' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return created.id;
}

export async function isUsernameUsed(trx: Db, username: string): Promise<boolean> {
	const row = await trx
		.selectFrom('account')
		.select('id')
		.where('username', '=', username)
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * An agent's account, in the town's household, in the caller's transaction. The person row only
 * carries the name (an agent's birth data is none of the portal's business). The e-mail must be
 * free (accounts.email is unique): the caller says so in French before coming here.
 */
export async function createAgentAccount(trx: Db, now: Date, agent: NewAgent): Promise<number> {
	const at = now.toISOString();
	const householdId = await townHouseholdId(trx, at);
	const person = await trx
		.insertInto('person')
		.values({
			household_id: householdId,
			role: 'adulte',
			civilite: null,
			sexe: null,
			nom_naissance: agent.nom.toUpperCase(),
			nom_usage: null,
			prenom: agent.prenom,
			prenom2: null,
			prenom3: null,
			date_naissance: '',
			pays_naissance: '',
			commune_naissance: '',
			departement_naissance: null,
			created_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const username =
		agent.username ??
		(await uniqueUsername(defaultUsername(agent.prenom, agent.nom), (u) => isUsernameUsed(trx, u)));
	const account = await trx
		.insertInto('account')
		.values({
			username,
			email: agent.email.trim().toLowerCase(),
			password_hash: agent.passwordHash ?? NO_PASSWORD_YET,
			person_id: person.id,
			household_id: householdId,
			role: agent.role,
			created_at: at,
			password_changed_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return account.id;
}
