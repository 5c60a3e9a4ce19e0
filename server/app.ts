import { Hono } from 'hono';
import { apiRoutes } from './api.ts';
import type { AppDeps } from './deps.ts';
import { handleError } from './http/errors.ts';
import { securityHeaders } from './http/security-headers.ts';
import { mountSpa, renderShell } from './http/spa.ts';

export type { AppDeps } from './deps.ts';

/** The whole HTTP surface: the JSON API under /api and the built SPA for everything else. */
export function createApp(deps: AppDeps) {
	const shell = renderShell(deps.config.appDir, deps.config.townName);
	// Chained, so that the app's type carries every API route to the tests' typed client.
	const app = new Hono()
		.use(
			securityHeaders({
				scriptHashes: shell?.scriptHashes ?? [],
				styleAttributeHashes: shell?.styleAttributeHashes ?? [],
				trustProxy: deps.config.trustProxy
			})
		)
		.onError(handleError)
		.route('/api', apiRoutes(deps));
	mountSpa(app, deps.config.appDir, shell);
	return app;
}

export type App = ReturnType<typeof createApp>;
