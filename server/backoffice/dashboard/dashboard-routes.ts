import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';

/** Tableau de bord: counts that link to filtered lists. */
export function dashboardRoutes(deps: AppDeps) {
	void deps;
	return new Hono<AppEnv>();
}
