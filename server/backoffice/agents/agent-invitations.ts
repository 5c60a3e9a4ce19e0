import {
	AGENT_ACTIVATION_DAYS,
	EMAIL_TAKEN,
	type AgentInvitation
} from '../../../src/lib/domain/backoffice/agents/agent-invitation.ts';
import { generateToken, hashToken } from '../../accounts/tokens.ts';
import type { AppDeps } from '../../deps.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { writeAudit } from '../audit-log.ts';
import { createAgentAccount, NO_PASSWORD_YET } from './agent-accounts.ts';
import { agentInvitationMail } from './agent-mails.ts';
import { findAgent, agentNotFound } from './agents-list.ts';

const ACTIVATION_MS = AGENT_ACTIVATION_DAYS * 86_400_000;

/** The e-mail is checked free beside its field (account.email is unique). */
export async function assertEmailFree(trx: Db, email: string): Promise<void> {
	const used = await trx.selectFrom('account').select('id').where('email', '=', email).executeTakeFirst();
	if (used) throw new AppError(409, 'email_taken', EMAIL_TAKEN, { email: EMAIL_TAKEN });
}

/**
 * A new activation link for the account, the earlier ones spent: only the last e-mail sent works.
 * Returns the token to mail (only its hash is stored).
 */
export async function issueActivationToken(trx: Db, accountId: number, now: Date): Promise<string> {
	await trx
		.deleteFrom('account_token')
		.where('account_id', '=', accountId)
		.where('purpose', '=', 'agent-activation')
		.execute();
	const token = generateToken();
	await trx
		.insertInto('account_token')
		.values({
			token_hash: hashToken(token),
			purpose: 'agent-activation',
			account_id: accountId,
			new_email: null,
			expires_at: new Date(now.getTime() + ACTIVATION_MS).toISOString(),
			created_at: now.toISOString()
		})
		.execute();
	return token;
}

export type InvitedAgent = { accountId: number; username: string; token: string };

/**
 * An agent's account without a password and its activation link, in the caller's transaction:
 * the administrators' form and `npm run agent:create` both come here.
 */
export async function createInvitedAgent(trx: Db, now: Date, input: AgentInvitation): Promise<InvitedAgent> {
	await assertEmailFree(trx, input.email);
	const accountId = await createAgentAccount(trx, now, input);
	const { username } = await trx
		.selectFrom('account')
		.select('username')
		.where('id', '=', accountId)
		.executeTakeFirstOrThrow();
	return { accountId, username, token: await issueActivationToken(trx, accountId, now) };
}

/** POST /api/admin/agents: the account, its link and the audit line commit together; then the e-mail. */
export async function inviteAgent(deps: AppDeps, actorId: number, input: AgentInvitation) {
	const now = deps.clock.now();
	const invited = await deps.db.transaction().execute(async (trx) => {
		const created = await createInvitedAgent(trx, now, input);
		await writeAudit(trx, now, {
			accountId: actorId,
			action: 'agent.inviter',
			targetType: 'account',
			targetId: created.accountId,
			householdId: null,
			summary: `Agent ${input.prenom} ${input.nom} (${created.username}) invité`,
			after: { email: input.email, role: input.role, identifiant: created.username }
		});
		return created;
	});
	deps.mail.later(() => [
		agentInvitationMail(deps.config, {
			to: input.email,
			prenom: input.prenom,
			username: invited.username,
			token: invited.token
		})
	]);
	return { id: invited.accountId, identifiant: invited.username };
}

/** POST /api/admin/agents/:id/invitation: a new link, for an agent who has not activated yet. */
export async function resendInvitation(deps: AppDeps, actorId: number, accountId: number) {
	const now = deps.clock.now();
	const sent = await deps.db.transaction().execute(async (trx) => {
		const agent = await findAgent(trx, accountId);
		if (!agent) throw agentNotFound();
		if (agent.disabled_at !== null)
			throw new AppError(409, 'agent_disabled', 'Ce compte est désactivé : réactivez-le d’abord.');
		if (agent.password_hash !== NO_PASSWORD_YET)
			throw new AppError(409, 'already_active', 'Cet agent a déjà activé son compte.');
		const token = await issueActivationToken(trx, accountId, now);
		await writeAudit(trx, now, {
			accountId: actorId,
			action: 'agent.relancer',
			targetType: 'account',
			targetId: accountId,
			householdId: null,
			summary: `Invitation renvoyée à ${agent.prenom} ${agent.nom} (${agent.username})`
		});
		return { agent, token };
	});
	deps.mail.later(() => [
		agentInvitationMail(deps.config, {
			to: sent.agent.email,
			prenom: sent.agent.prenom,
			username: sent.agent.username,
			token: sent.token
		})
	]);
	return { id: accountId };
}
