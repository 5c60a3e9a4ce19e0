import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { every } from 'hono/combine';
import { csrf } from 'hono/csrf';
import { errorBody } from './errors.ts';
import { jsonOnly } from './json-only.ts';
import { sameOriginOnly } from './same-origin.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The checks of every API call that can change something, in one middleware that reads go past
 * at no cost (they have no body, and the agenda is read thousands of times an hour):
 * - a body of at most 1 MiB (a saisie groupée is a few hundred bytes; a push of 500 changes,
 *   ~100 KiB);
 * - refused when it comes from another site (Origin), and Hono's csrf for form posts without one;
 * - JSON only, which another site cannot send without a CORS permission we never give.
 */
export function guardStateChanges(publicOrigin: string): MiddlewareHandler {
	const checks = every(
		bodyLimit({
			maxSize: 1024 * 1024,
			onError: (c) => c.json(errorBody('payload_too_large', 'Envoi trop volumineux.'), 413)
		}),
		sameOriginOnly(publicOrigin),
		csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin }),
		jsonOnly
	);
	return (c, next) => (READS.has(c.req.method) ? next() : checks(c, next));
}
