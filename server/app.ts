import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { catalogRoutes } from './catalog/catalog-routes.ts';
import type { AppDeps } from './deps.ts';
import { healthRoutes } from './health/health-routes.ts';
import { apiNotFound, handleError } from './http/errors.ts';
import { securityHeaders } from './http/security-headers.ts';
import { mountSpa, renderShell } from './http/spa.ts';

export type { AppDeps } from './deps.ts';

/** The whole HTTP surface: the JSON API under /api and the built SPA for everything else. */
export function createApp(deps: AppDeps) {
	const api = new Hono()
		.use(async (c, next) => {
			await next();
			c.header('Cache-Control', 'no-store');
		})
		.use(compress())
		.route('/health', healthRoutes(deps))
		.route('/catalog', catalogRoutes(deps));
	api.all('*', apiNotFound);

	const shell = renderShell(deps.config.appDir, deps.config.townName);
	const app = new Hono();
	app.use(securityHeaders({ scriptHashes: shell?.scriptHashes ?? [] }));
	app.onError(handleError);
	app.route('/api', api);
	mountSpa(app, deps.config.appDir, shell);
	return app;
}

export type ApiRoutes = ReturnType<typeof createApp>;
