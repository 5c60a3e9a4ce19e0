import { Hono } from 'hono';
import { z } from 'zod';
import {
	actionBody,
	DEMANDE_ACTIONS,
	messageBody,
	noteBody
} from '../../../src/lib/domain/backoffice/demandes/demande-actions.ts';
import { queueQuery } from '../../../src/lib/domain/backoffice/demandes/queue-query.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { pathId } from '../../http/path-id.ts';
import { validate } from '../../http/validate.ts';
import { requireAgent } from '../agent-guard.ts';
import { actOnDemande, addDemandeNote, sendDemandeMessage } from './demande-actions.ts';
import { DEMANDE_NOT_FOUND, demandeDetail, markFamilyAnswersRead } from './demande-detail.ts';
import { queuePage } from './demandes-queue.ts';

const actionParam = z.object({
	id: z.string(),
	action: z.enum(DEMANDE_ACTIONS, { error: 'Action inconnue.' })
});
const demandeId = (raw: string | undefined) => pathId(raw, DEMANDE_NOT_FOUND);

/** The demandes' queue, detail, actions, thread, private notes and CSV export. */
export function demandesRoutes(deps: AppDeps) {
	return new Hono<AppEnv>()
		.get('/', validate('query', queueQuery), async (c) => {
			const agent = requireAgent(c.get('account'));
			return c.json(await queuePage(deps.db, c.req.valid('query'), agent.id));
		})
		.get('/:id', async (c) => {
			requireAgent(c.get('account'));
			return c.json(await demandeDetail(deps.db, demandeId(c.req.param('id'))));
		})
		.post('/:id/lus', async (c) => {
			requireAgent(c.get('account'));
			return c.json(await markFamilyAnswersRead(deps.db, demandeId(c.req.param('id')), deps.clock.now()));
		})
		.post('/:id/messages', validate('json', messageBody), async (c) => {
			const agent = requireAgent(c.get('account'));
			return c.json(
				await sendDemandeMessage(deps, agent, demandeId(c.req.param('id')), c.req.valid('json').body)
			);
		})
		.post('/:id/notes', validate('json', noteBody), async (c) => {
			const agent = requireAgent(c.get('account'));
			return c.json(
				await addDemandeNote(deps, agent, demandeId(c.req.param('id')), c.req.valid('json').body)
			);
		})
		.post('/:id/:action', validate('param', actionParam), validate('json', actionBody), async (c) => {
			const agent = requireAgent(c.get('account'));
			const { id, action } = c.req.valid('param');
			return c.json(await actOnDemande(deps, agent, demandeId(id), action, c.req.valid('json')));
		});
}
