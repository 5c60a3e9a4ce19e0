import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import { AppError } from './errors.ts';

/** Which origins may change something: the portal's own, from PUBLIC_URL. */
export type OriginPolicy = { publicOrigin: string; requestOriginToo: boolean };

/**
 * In production (and in tests, so that they check what production does) only PUBLIC_URL's origin
 * is the portal: the request's own URL is made of its Host header, which the sender writes, so
 * `Origin: http://evil.example` with `Host: evil.example` would otherwise pass. In development
 * the page comes from Vite (http://localhost:5173) and its calls reach the server through Vite's
 * proxy with their Host unchanged: there, and there only, the request's own origin is accepted too.
 */
export function originPolicy(config: Pick<Config, 'publicUrl' | 'env'>): OriginPolicy {
	return { publicOrigin: new URL(config.publicUrl).origin, requestOriginToo: config.env === 'development' };
}

export function isPortalOrigin(policy: OriginPolicy, origin: string, c: Context): boolean {
	if (origin === policy.publicOrigin) return true;
	return policy.requestOriginToo && origin === new URL(c.req.url).origin;
}

/**
 * Every state-changing call must come from the portal's own pages: a browser always sends Origin on
 * such requests, and one naming another site is refused whatever the body's type. (Hono's csrf
 * middleware, mounted beside this one, covers form posts that carry no Origin.)
 */
export function sameOriginOnly(policy: OriginPolicy): MiddlewareHandler {
	// Mounted by guardStateChanges, which lets reads (GET, HEAD, OPTIONS) past before it.
	return async (c, next) => {
		const origin = c.req.header('origin');
		if (origin && !isPortalOrigin(policy, origin, c)) {
			throw new AppError(403, 'forbidden_origin', 'Requête refusée : elle ne provient pas du portail.');
		}
		await next();
	};
}
