import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';

/** Agents' accounts: list, invite, disable, re-enable (administrators only). */
export function agentsRoutes(deps: AppDeps) {
	void deps;
	return new Hono<AppEnv>();
}
