import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors.ts';

/**
 * Every state-changing call must come from the portal's own pages: a browser always sends Origin on
 * such requests, and one naming another site is refused whatever the body's type. (Hono's csrf
 * middleware, mounted beside this one, covers form posts that carry no Origin.)
 */
export function sameOriginOnly(publicOrigin: string): MiddlewareHandler {
	// Mounted by guardStateChanges, which lets reads (GET, HEAD, OPTIONS) past before it.
	return async (c, next) => {
		const origin = c.req.header('origin');
		if (origin && origin !== publicOrigin && origin !== new URL(c.req.url).origin) {
			throw new AppError(403, 'forbidden_origin', 'Requête refusée : elle ne provient pas du portail.');
		}
		await next();
	};
}
