import { invalidateAccountSessions } from '../../accounts/sessions.ts';
import type { AppDeps } from '../../deps.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { writeAudit } from '../audit-log.ts';
import { NO_PASSWORD_YET } from './agent-accounts.ts';
import { agentNotFound, findAgent } from './agents-list.ts';

export const NOT_YOURSELF = 'Vous ne pouvez pas désactiver votre propre compte.';
export const LAST_ADMINISTRATOR =
	'C’est le dernier administrateur actif : nommez-en un autre avant de désactiver celui-ci.';

/** Administrators who can still sign in (not disabled, a password chosen), but `except`. */
async function otherActiveAdministrators(trx: Db, except: number): Promise<number> {
	const row = await trx
		.selectFrom('account')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role', '=', 'administrateur')
		.where('disabled_at', 'is', null)
		.where('password_hash', '!=', NO_PASSWORD_YET)
		.where('id', '!=', except)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * Disables an agent: signed out at once (its sessions deleted in the same transaction, which the
 * session cache notices as a write), its pending links spent, refused at sign-in from now on.
 * Never oneself, never the last administrator who can sign in: the town would be locked out.
 */
export async function disableAgent(deps: Pick<AppDeps, 'db' | 'clock'>, actorId: number, accountId: number) {
	const now = deps.clock.now();
	return deps.db.transaction().execute(async (trx) => {
		const agent = await findAgent(trx, accountId);
		if (!agent) throw agentNotFound();
		if (accountId === actorId) throw new AppError(409, 'cannot_disable_self', NOT_YOURSELF);
		if (agent.disabled_at !== null)
			throw new AppError(409, 'already_disabled', 'Ce compte est déjà désactivé.');
		if (agent.role === 'administrateur' && (await otherActiveAdministrators(trx, accountId)) === 0)
			throw new AppError(409, 'last_administrator', LAST_ADMINISTRATOR);
		const at = now.toISOString();
		await trx.updateTable('account').set({ disabled_at: at }).where('id', '=', accountId).execute();
		await invalidateAccountSessions(trx, accountId);
		await trx
			.deleteFrom('account_token')
			.where('account_id', '=', accountId)
			.where('purpose', 'in', ['agent-activation', 'password-reset'])
			.execute();
		await writeAudit(trx, now, {
			accountId: actorId,
			action: 'agent.desactiver',
			targetType: 'account',
			targetId: accountId,
			householdId: null,
			summary: `Agent ${agent.prenom} ${agent.nom} (${agent.username}) désactivé`,
			before: { disabled_at: null },
			after: { disabled_at: at }
		});
		return { id: accountId };
	});
}

/** Enables a disabled agent again: signs in with the same password (one still invited: resend). */
export async function reactivateAgent(
	deps: Pick<AppDeps, 'db' | 'clock'>,
	actorId: number,
	accountId: number
) {
	const now = deps.clock.now();
	return deps.db.transaction().execute(async (trx) => {
		const agent = await findAgent(trx, accountId);
		if (!agent) throw agentNotFound();
		if (agent.disabled_at === null) throw new AppError(409, 'already_active', 'Ce compte est déjà actif.');
		await trx.updateTable('account').set({ disabled_at: null }).where('id', '=', accountId).execute();
		await writeAudit(trx, now, {
			accountId: actorId,
			action: 'agent.reactiver',
			targetType: 'account',
			targetId: accountId,
			householdId: null,
			summary: `Agent ${agent.prenom} ${agent.nom} (${agent.username}) réactivé`,
			before: { disabled_at: agent.disabled_at },
			after: { disabled_at: null }
		});
		return { id: accountId };
	});
}
