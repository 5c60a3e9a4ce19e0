import { Hono } from 'hono';
import {
	enrolmentEditSchema,
	familleMessageSchema,
	famillesQuerySchema
} from '../../../src/lib/domain/backoffice/familles/familles.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { pathId } from '../../http/path-id.ts';
import { validate } from '../../http/validate.ts';
import { requireAgent } from '../agent-guard.ts';
import { readFamille, UNKNOWN_FAMILLE } from './famille-detail.ts';
import { editEnrolments, UNKNOWN_CHILD } from './famille-enrolments.ts';
import { writeToFamille } from './famille-message.ts';
import { searchFamilles } from './familles-search.ts';

const familleId = (raw: string) => pathId(raw, UNKNOWN_FAMILLE);

/** Households: search, view, write to the family, change a child's enrolments. */
export function famillesRoutes(deps: AppDeps) {
	return new Hono<AppEnv>()
		.get('/', validate('query', famillesQuerySchema), async (c) => {
			const { q, page } = c.req.valid('query');
			return c.json(await searchFamilles(deps.db, q, page));
		})
		.get('/:id', async (c) =>
			c.json(await readFamille(deps.db, familleId(c.req.param('id')), deps.clock.now()))
		)
		.post('/:id/messages', validate('json', familleMessageSchema), async (c) => {
			const agent = requireAgent(c.get('account'));
			const id = familleId(c.req.param('id'));
			return c.json(await writeToFamille(deps, agent, id, c.req.valid('json')), 201);
		})
		.post('/:id/enfants/:personId/inscriptions', validate('json', enrolmentEditSchema), async (c) => {
			const agent = requireAgent(c.get('account'));
			const id = familleId(c.req.param('id'));
			const personId = pathId(c.req.param('personId'), UNKNOWN_CHILD);
			return c.json(await editEnrolments(deps, agent, id, personId, c.req.valid('json')));
		});
}
