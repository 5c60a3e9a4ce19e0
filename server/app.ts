import { Hono } from 'hono';
import { apiRoutes } from './api.ts';
import { systemClock } from './clock.ts';
import type { AppDeps } from './deps.ts';
import { handleError } from './http/errors.ts';
import { securityHeaders } from './http/security-headers.ts';
import { mountSpa, renderShell } from './http/spa.ts';

export type { AppDeps } from './deps.ts';

/** The whole HTTP surface: the JSON API under /api and the built SPA for everything else. */
export function createApp(deps: AppDeps) {
	const shell = renderShell(deps.config.appDir, deps.config.townName, deps.config.demo);
	const base = new Hono().use(
		securityHeaders({
			scriptHashes: shell?.scriptHashes ?? [],
			styleAttributeHashes: shell?.styleAttributeHashes ?? [],
			trustProxy: deps.config.trustProxy
		})
	);
	// The browser takes the API's `Date` header as the server's time (the agenda draws deadlines
	// with it, not with the device's clock). Node writes it from the system clock; a test's server
	// on a set clock writes its own, so both say the time the rules decide by. Tests only: the
	// bench's set clock answers as production does (this costs each answer its fast path).
	const clock = deps.clock;
	if (clock !== systemClock && deps.config.env === 'test') {
		base.use('/api/*', async (c, next) => {
			await next();
			c.res.headers.set('Date', clock.now().toUTCString());
		});
	}
	// Chained, so that the app's type carries every API route to the tests' typed client.
	const app = base.onError(handleError).route('/api', apiRoutes(deps));
	mountSpa(app, deps.config.appDir, shell);
	return app;
}

export type App = ReturnType<typeof createApp>;
