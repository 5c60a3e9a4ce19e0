import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { every } from 'hono/combine';
import { csrf } from 'hono/csrf';
import { errorBody } from './errors.ts';
import type { Config } from '../config.ts';
import { jsonOnly } from './json-only.ts';
import { isPortalOrigin, originPolicy, sameOriginOnly } from './same-origin.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The checks of every API call that can change something, in one middleware that reads go past
 * at no cost (they have no body, and the agenda is read thousands of times an hour):
 * - a body of at most 1 MiB (a saisie groupée is a few hundred bytes; a push of 500 changes,
 *   ~100 KiB);
 * - refused when it comes from another site than PUBLIC_URL's (Origin, see originPolicy), and
 *   Hono's csrf for form posts without one;
 * - JSON only, which another site cannot send without a CORS permission we never give.
 */
export function guardStateChanges(config: Pick<Config, 'publicUrl' | 'env'>): MiddlewareHandler {
	const policy = originPolicy(config);
	const checks = every(
		bodyLimit({
			maxSize: 1024 * 1024,
			onError: (c) => c.json(errorBody('payload_too_large', 'Envoi trop volumineux.'), 413)
		}),
		sameOriginOnly(policy),
		csrf({ origin: (origin, c) => isPortalOrigin(policy, origin, c) }),
		jsonOnly
	);
	return (c, next) => (READS.has(c.req.method) ? next() : checks(c, next));
}
