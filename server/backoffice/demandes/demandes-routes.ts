import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';

/** The demandes' queue, detail, actions, thread, private notes and CSV export. */
export function demandesRoutes(deps: AppDeps) {
	void deps;
	return new Hono<AppEnv>();
}
