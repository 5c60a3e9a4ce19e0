import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { every } from 'hono/combine';
import { csrf } from 'hono/csrf';
import type { Config } from '../config.ts';
import type { AppEnv } from './app-env.ts';
import { errorBody } from './errors.ts';
import { jsonOnly } from './json-only.ts';
import { isPortalOrigin, originPolicy, sameOriginOnly } from './same-origin.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A body of any state-changing call: a sign-in, a registration with its captcha, a profile change are 1–2 KiB. */
export const BODY_LIMIT = 16 * 1024;
/**
 * The calls that need more, for a signed-in account only (an anonymous one is refused anyway, and
 * would only make the server read and parse): a push of the outbox (500 changes, ~100 KiB).
 */
export const SIGNED_IN_BODY_LIMITS: Readonly<Record<string, number>> = { '/api/sync/push': 1024 * 1024 };

/**
 * Calls whose body is not JSON and is bounded by the route itself as it streams: an upload is
 * the file's own bytes (up to MAX_UPLOAD_BYTES), its size and first bytes checked there. The
 * origin checks still apply; without a session the route refuses before reading a byte.
 */
export const RAW_BODY_ROUTES: readonly { method: string; path: RegExp }[] = [
	{ method: 'PUT', path: /^\/api\/documents\/[^/]+$/ }
];
const isRawBody = (c: Context) =>
	RAW_BODY_ROUTES.some((r) => r.method === c.req.method && r.path.test(c.req.path));

const tooLarge = (c: Context) => c.json(errorBody('payload_too_large', 'Envoi trop volumineux.'), 413);

/**
 * The checks of every API call that can change something, in one middleware that reads go past
 * at no cost (they have no body, and the agenda is read thousands of times an hour):
 * - a body of at most BODY_LIMIT, or the route's own limit (SIGNED_IN_BODY_LIMITS) once signed
 *   in: every body is read and parsed before any rule or throttle, and refused beyond its size
 *   before it is read (by its Content-Length, else as it streams). Mounted after the session
 *   middleware, which sets `account`;
 * - refused when it comes from another site than PUBLIC_URL's (Origin, see originPolicy), and
 *   Hono's csrf for form posts without one;
 * - JSON only, which another site cannot send without a CORS permission we never give.
 * RAW_BODY_ROUTES get the origin checks only.
 */
export function guardStateChanges(config: Pick<Config, 'publicUrl' | 'env'>): MiddlewareHandler<AppEnv> {
	const policy = originPolicy(config);
	const limit = (maxSize: number) => bodyLimit({ maxSize, onError: tooLarge });
	const usual = limit(BODY_LIMIT);
	const larger = new Map(Object.entries(SIGNED_IN_BODY_LIMITS).map(([path, size]) => [path, limit(size)]));
	const origins = [
		sameOriginOnly(policy),
		csrf({ origin: (origin, c) => isPortalOrigin(policy, origin, c) })
	];
	const checks = every(
		(c: Context<AppEnv>, next) => ((c.get('account') && larger.get(c.req.path)) || usual)(c, next),
		...origins,
		jsonOnly
	);
	const originChecks = every(...origins);
	return (c, next) => {
		if (READS.has(c.req.method)) return next();
		return isRawBody(c) ? originChecks(c, next) : checks(c, next);
	};
}
