import { Hono } from 'hono';
import { queueQuery } from '../../../src/lib/domain/backoffice/demandes/queue-query.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { validate } from '../../http/validate.ts';
import { requireAgent } from '../agent-guard.ts';
import { queuePage } from './demandes-queue.ts';

/** The demandes' queue (its detail, actions, thread, notes and CSV export come next). */
export function demandesRoutes(deps: AppDeps) {
	return new Hono<AppEnv>().get('/', validate('query', queueQuery), async (c) => {
		const agent = requireAgent(c.get('account'));
		return c.json(await queuePage(deps.db, c.req.valid('query'), agent.id));
	});
}
