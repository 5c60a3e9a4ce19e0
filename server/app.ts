import { Hono } from 'hono';
import { accountsRoutes, authRoutes } from './accounts/accounts-routes.ts';
import { sessionMiddleware } from './accounts/session-middleware.ts';
import { catalogRoutes } from './catalog/catalog-routes.ts';
import type { AppDeps } from './deps.ts';
import { healthRoutes } from './health/health-routes.ts';
import { profileRoutes } from './profile/profile-routes.ts';
import { syncRoutes } from './sync/sync-routes.ts';
import type { AppEnv } from './http/app-env.ts';
import { apiNotFound, handleError } from './http/errors.ts';
import { securityHeaders } from './http/security-headers.ts';
import { guardStateChanges } from './http/state-change-guard.ts';
import { mountSpa, renderShell } from './http/spa.ts';

export type { AppDeps } from './deps.ts';

/** The whole HTTP surface: the JSON API under /api and the built SPA for everything else. */
export function createApp(deps: AppDeps) {
	const publicOrigin = new URL(deps.config.publicUrl).origin;
	const api = new Hono<AppEnv>()
		.use(guardStateChanges(publicOrigin))
		.use(sessionMiddleware(deps))
		.route('/health', healthRoutes(deps))
		.route('/catalog', catalogRoutes(deps))
		.route('/accounts', accountsRoutes(deps))
		.route('/auth', authRoutes(deps))
		.route('/profile', profileRoutes(deps))
		.route('/sync', syncRoutes(deps));
	api.all('*', apiNotFound);

	const shell = renderShell(deps.config.appDir, deps.config.townName);
	const app = new Hono();
	app.use(
		securityHeaders({
			scriptHashes: shell?.scriptHashes ?? [],
			styleAttributeHashes: shell?.styleAttributeHashes ?? []
		})
	);
	app.onError(handleError);
	app.route('/api', api);
	mountSpa(app, deps.config.appDir, shell);
	return app;
}

export type ApiRoutes = ReturnType<typeof createApp>;
