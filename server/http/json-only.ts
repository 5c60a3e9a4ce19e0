import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors.ts';

/**
 * State-changing API calls take JSON only: a cross-site HTML form can only send form encodings or
 * text/plain, so this closes the door the Origin check also guards.
 */
export const jsonOnly: MiddlewareHandler = async (c, next) => {
	// Mounted by guardStateChanges, which lets reads (GET, HEAD, OPTIONS) past before it.
	if (c.req.header('content-length') !== '0') {
		const type = c.req.header('content-type');
		// A request with no body has no type: browsers send a bodiless DELETE with neither a
		// Content-Type nor a Content-Length. Only an empty body may come without a type.
		const refused = type ? !/^application\/json\b/i.test(type) : (await c.req.arrayBuffer()).byteLength > 0;
		if (refused) {
			throw new AppError(
				415,
				'unsupported_media_type',
				'Cette adresse accepte uniquement du JSON (application/json).'
			);
		}
	}
	await next();
};
