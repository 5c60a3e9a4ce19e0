import type { AgentRole } from '../../../src/lib/domain/accounts/roles.ts';
import { hashPassword } from '../../../server/accounts/password-hash.ts';
import { createAgentAccount } from '../../../server/backoffice/agents/agent-accounts.ts';
import { login } from './accounts.ts';
import type { TestClient } from './http-client.ts';
import type { TestCtx } from './test-app.ts';

export const AGENT_PASSWORD = 'Hesdigneul62';

/**
 * An agent's account made directly (as `npm run agent:create` does, with a password already
 * chosen), then signed in through the real login route: `client` ends with the agent's session.
 */
export async function signInAgent(
	ctx: TestCtx,
	client: TestClient,
	options: { role?: AgentRole; username?: string; prenom?: string; nom?: string } = {}
): Promise<{ accountId: number; username: string }> {
	const username = options.username ?? `agent.${options.role ?? 'agent'}`;
	const passwordHash = await hashPassword(AGENT_PASSWORD);
	const accountId = await ctx.db.transaction().execute((trx) =>
		createAgentAccount(trx, ctx.clock.now(), {
			email: `${username}@mairie.example.fr`,
			prenom: options.prenom ?? 'Marie',
			nom: options.nom ?? 'Agent',
			role: options.role ?? 'agent',
			username,
			passwordHash
		})
	);
	const res = await login(client, username, AGENT_PASSWORD);
	if (res.status !== 200) throw new Error(`connexion de l'agent refusée : ${res.status} ${await res.text()}`);
	return { accountId, username };
}
