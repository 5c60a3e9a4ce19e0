import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';

/** The audit log, read and filtered by administrators; never written here. */
export function auditRoutes(deps: AppDeps) {
	void deps;
	return new Hono<AppEnv>();
}
