import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { accountsRoutes, authRoutes } from './accounts/accounts-routes.ts';
import { sessionMiddleware } from './accounts/session-middleware.ts';
import { catalogRoutes } from './catalog/catalog-routes.ts';
import type { AppDeps } from './deps.ts';
import { healthRoutes } from './health/health-routes.ts';
import { profileRoutes } from './profile/profile-routes.ts';
import { syncRoutes } from './sync/sync-routes.ts';
import type { AppEnv } from './http/app-env.ts';
import { apiNotFound, errorBody, handleError } from './http/errors.ts';
import { jsonOnly } from './http/json-body.ts';
import { sameOriginOnly } from './http/same-origin.ts';
import { securityHeaders } from './http/security-headers.ts';
import { mountSpa, renderShell } from './http/spa.ts';

export type { AppDeps } from './deps.ts';

/** The whole HTTP surface: the JSON API under /api and the built SPA for everything else. */
export function createApp(deps: AppDeps) {
	const publicOrigin = new URL(deps.config.publicUrl).origin;
	// No honest call is larger (a saisie groupée is a few hundred bytes; a push of 500 changes, ~100 KiB).
	const limitBody = bodyLimit({
		maxSize: 1024 * 1024,
		onError: (c) => c.json(errorBody('payload_too_large', 'Envoi trop volumineux.'), 413)
	});
	const api = new Hono<AppEnv>()
		.use(async (c, next) => {
			await next();
			// On the answer's headers: c.header() after the answer rebuilds it as a WHATWG Response.
			if (!c.get('answerComplete')) c.res.headers.set('Cache-Control', 'no-store');
		})
		// Reading a GET's (absent) body would build a full WHATWG Request: a third of a small read's cost.
		.use((c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)))
		// A call from another site is refused before anything else (Origin check)…
		.use(sameOriginOnly(publicOrigin))
		.use(csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin }))
		// …and JSON, which another site cannot send without a CORS permission we never give, is all we take.
		.use(jsonOnly)
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
	app.use(securityHeaders({ scriptHashes: shell?.scriptHashes ?? [] }));
	app.onError(handleError);
	app.route('/api', api);
	mountSpa(app, deps.config.appDir, shell);
	return app;
}

export type ApiRoutes = ReturnType<typeof createApp>;
