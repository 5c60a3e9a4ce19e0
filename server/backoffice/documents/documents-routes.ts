import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';

/** Justificatifs to validate: list, view the file, decide Valide / Invalide. */
export function documentsRoutes(deps: AppDeps) {
	void deps;
	return new Hono<AppEnv>();
}
