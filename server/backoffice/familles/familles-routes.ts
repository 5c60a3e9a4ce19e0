import { Hono } from 'hono';
import {
	familleMessageSchema,
	famillesQuerySchema
} from '../../../src/lib/domain/backoffice/familles/familles.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { AppError } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import { requireAgent } from '../agent-guard.ts';
import { readFamille, UNKNOWN_FAMILLE } from './famille-detail.ts';
import { writeToFamille } from './famille-message.ts';
import { searchFamilles } from './familles-search.ts';

/** A household id in the path: a positive integer, else the same 404 as an unknown one. */
function familleId(raw: string): number {
	const id = /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
	if (!Number.isSafeInteger(id) || id <= 0) throw new AppError(404, 'not_found', UNKNOWN_FAMILLE);
	return id;
}

/** Households: search, view, write to the family. */
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
		});
}
