import { Hono } from 'hono';
import { parisDate } from '../../../src/lib/domain/agenda/paris-time.ts';
import { presencesQuerySchema } from '../../../src/lib/domain/backoffice/dashboard/dashboard.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { validate } from '../../http/validate.ts';
import { readDashboard } from './dashboard-counts.ts';
import { readPresences } from './presences-day.ts';

/** Tableau de bord: counts that link to filtered lists, and the day's list of presences. */
export function dashboardRoutes(deps: AppDeps) {
	return new Hono<AppEnv>()
		.get('/', async (c) => c.json(await readDashboard(deps.db, deps.clock.now())))
		.get('/presences', validate('query', presencesQuerySchema), async (c) => {
			const date = c.req.valid('query').date ?? parisDate(deps.clock.now());
			return c.json(await readPresences(deps.db, date));
		});
}
