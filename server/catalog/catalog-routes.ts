import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { readCatalog } from './catalog-service.ts';
import { jsonAnswer } from '../http/json-answer.ts';

export function catalogRoutes(deps: AppDeps) {
	return new Hono().get('/', async (c) => jsonAnswer(c, await readCatalog(deps.db, deps.config.townName)));
}
