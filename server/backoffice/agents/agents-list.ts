import { agentStatus, type AgentLine } from '../../../src/lib/domain/backoffice/agents/agent-status.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { NO_PASSWORD_YET } from './agent-accounts.ts';

/** An id that is no agent's (a family's account, or nobody): 404, as for any unknown record. */
export const agentNotFound = () => new AppError(404, 'not_found', 'Agent introuvable.');

/** The town's accounts are few; the list is still bounded (an id ascends with time). */
export const MAX_AGENTS_LISTED = 500;

const agentColumns = (db: Db) =>
	db
		.selectFrom('account')
		.innerJoin('person', 'person.id', 'account.person_id')
		.select([
			'account.id',
			'account.username',
			'account.email',
			'account.role',
			'account.password_hash',
			'account.disabled_at',
			'account.created_at',
			'person.prenom',
			'person.nom_naissance as nom'
		])
		.where('account.role', 'in', ['agent', 'administrateur']);

/** An agent's account (never a family's), with what its status is made of. */
export function findAgent(db: Db, accountId: number) {
	return agentColumns(db).where('account.id', '=', accountId).executeTakeFirst();
}

/** GET /api/admin/agents: every agent, the newest last (the order they were invited). */
export async function listAgents(db: Db): Promise<AgentLine[]> {
	const rows = await agentColumns(db).orderBy('account.id').limit(MAX_AGENTS_LISTED).execute();
	return rows.map((row) => ({
		id: row.id,
		identifiant: row.username,
		prenom: row.prenom,
		nom: row.nom,
		email: row.email,
		role: row.role === 'administrateur' ? 'administrateur' : 'agent',
		status: agentStatus({
			disabledAt: row.disabled_at,
			passwordChosen: row.password_hash !== NO_PASSWORD_YET
		}),
		createdAt: row.created_at
	}));
}
