import { Hono } from 'hono';
import { accountsRoutes, authRoutes } from './accounts/accounts-routes.ts';
import { sessionMiddleware } from './accounts/session-middleware.ts';
import { adminRoutes } from './backoffice/admin-routes.ts';
import { catalogRoutes } from './catalog/catalog-routes.ts';
import type { AppDeps } from './deps.ts';
import { documentsRoutes } from './documents/documents-routes.ts';
import { healthRoutes } from './health/health-routes.ts';
import type { AppEnv } from './http/app-env.ts';
import { apiNotFound } from './http/errors.ts';
import { messagesRoutes } from './messages/messages-routes.ts';
import { guardStateChanges } from './http/state-change-guard.ts';
import { profileRoutes } from './profile/profile-routes.ts';
import { requestsRoutes } from './requests/requests-routes.ts';
import { syncRoutes } from './sync/sync-routes.ts';

/**
 * The JSON API, mounted under /api. Chained, so its type describes every route, its input (the
 * schemas of validate()) and its answers: `Api` is what the browser's typed client (src/lib/api)
 * is built from, without a code generator.
 */
export function apiRoutes(deps: AppDeps) {
	const api = new Hono<AppEnv>()
		// The session first: how large a body may be depends on who sends it.
		.use(sessionMiddleware(deps))
		.use(guardStateChanges(deps.config))
		.route('/health', healthRoutes(deps))
		.route('/catalog', catalogRoutes(deps))
		.route('/accounts', accountsRoutes(deps))
		.route('/auth', authRoutes(deps))
		.route('/profile', profileRoutes(deps))
		.route('/requests', requestsRoutes(deps))
		.route('/messages', messagesRoutes(deps))
		.route('/sync', syncRoutes(deps))
		.route('/documents', documentsRoutes(deps))
		.route('/admin', adminRoutes(deps));
	api.all('*', apiNotFound);
	return api;
}

export type Api = ReturnType<typeof apiRoutes>;
