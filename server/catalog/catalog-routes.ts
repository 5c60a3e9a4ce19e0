import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { readCatalog } from './catalog-service.ts';

export function catalogRoutes(deps: AppDeps) {
	return new Hono().get('/', async (c) => c.json(await readCatalog(deps.db, deps.config.townName)));
}
