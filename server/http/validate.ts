import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler, ValidationTargets } from 'hono';
import type { z } from 'zod';
import { fieldErrors } from '../../src/lib/domain/forms/field-errors.ts';
import { AppError } from './errors.ts';

/** The refusal's code, and its message (else the schema's first message, a sentence for a person). */
type Refusal = { code: string; message?: string };
const FIELDS: Refusal = { code: 'invalid_fields', message: 'Certains champs sont à corriger.' };

/**
 * Hono's typed validation with the app's own refusal. `c.req.valid(target)` then carries the
 * schema's output type, and the route's input type reaches the typed client (hc): the browser
 * and the tests call the API with the same types the route checks.
 * A refusal is a 400 naming each field in French (the schema's messages), or `refusal` for inputs
 * that are not a form (a link's token, a period). A body that is not JSON at all is
 * `invalid_json`, not Hono's English "Malformed JSON".
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
	target: Target,
	schema: T,
	refusal: Refusal = FIELDS
) {
	const check = zValidator(target, schema, (result) => {
		if (!result.success) {
			if (refusal === FIELDS)
				throw new AppError(400, FIELDS.code, FIELDS.message ?? '', fieldErrors(result.error));
			const message = refusal.message ?? result.error.issues[0]?.message ?? 'Requête invalide.';
			throw new AppError(400, refusal.code, message);
		}
	});
	if (target !== 'json') return check;
	const parseFirst: MiddlewareHandler = async (c, next) => {
		// Parsed once: Hono keeps the body, so the validator reads this same result.
		await c.req.json().catch(() => {
			throw new AppError(400, 'invalid_json', 'Le contenu envoyé n’est pas du JSON valide.');
		});
		return check(c, next);
	};
	return parseFirst as typeof check;
}
