import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { fieldErrors } from '../../src/lib/domain/forms/field-errors.ts';
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

/** The body checked against the domain's schema; a refusal names each bad field in French. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
	const body: unknown = await c.req.json().catch(() => {
		throw new AppError(400, 'invalid_json', 'Le contenu envoyé n’est pas du JSON valide.');
	});
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		throw new AppError(400, 'invalid_fields', 'Certains champs sont à corriger.', fieldErrors(parsed.error));
	}
	return parsed.data;
}
