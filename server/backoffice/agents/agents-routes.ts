import { Hono } from 'hono';
import { agentInvitationSchema } from '../../../src/lib/domain/backoffice/agents/agent-invitation.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { validate } from '../../http/validate.ts';
import { requireAdministrateur } from '../agent-guard.ts';
import { resendInvitation, inviteAgent } from './agent-invitations.ts';
import { disableAgent, reactivateAgent } from './agent-status-changes.ts';
import { agentNotFound, listAgents } from './agents-list.ts';

/** An id that is not a positive integer names no agent: 404, as an unknown one. */
function agentId(raw: string): number {
	if (!/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) throw agentNotFound();
	return Number(raw);
}

/** Agents' accounts: list, invite, disable, re-enable (administrators only: see admin-routes.ts). */
export function agentsRoutes(deps: AppDeps) {
	return new Hono<AppEnv>()
		.get('/', async (c) => c.json({ agents: await listAgents(deps.db) }))
		.post('/', validate('json', agentInvitationSchema), async (c) => {
			const admin = requireAdministrateur(c.get('account'));
			return c.json(await inviteAgent(deps, admin.id, c.req.valid('json')), 201);
		})
		.post('/:id/invitation', async (c) => {
			const admin = requireAdministrateur(c.get('account'));
			return c.json(await resendInvitation(deps, admin.id, agentId(c.req.param('id'))));
		})
		.post('/:id/desactiver', async (c) => {
			const admin = requireAdministrateur(c.get('account'));
			return c.json(await disableAgent(deps, admin.id, agentId(c.req.param('id'))));
		})
		.post('/:id/reactiver', async (c) => {
			const admin = requireAdministrateur(c.get('account'));
			return c.json(await reactivateAgent(deps, admin.id, agentId(c.req.param('id'))));
		});
}
