import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';

/** Households: search, view, write to the family. */
export function famillesRoutes(deps: AppDeps) {
	void deps;
	return new Hono<AppEnv>();
}
