import { zValidator } from '@hono/zod-validator';
import type { Context, MiddlewareHandler, ValidationTargets } from 'hono';
import type { z } from 'zod';
import { fieldErrors } from '../../src/lib/domain/forms/field-errors.ts';
import { AppError } from './errors.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.ts';

/** The refusal's code, and its message (else the schema's first message, a sentence for a person). */
type Refusal = { code: string; message?: string };
const FIELDS: Refusal = { code: 'invalid_fields', message: 'Certains champs sont à corriger.' };

function refuse(refusal: Refusal, error: z.core.$ZodError): AppError {
	if (refusal === FIELDS) return new AppError(400, FIELDS.code, FIELDS.message ?? '', fieldErrors(error));
	return new AppError(400, refusal.code, refusal.message ?? error.issues[0]?.message ?? 'Requête invalide.');
}

/**
 * The body's text (its size already bounded by guardStateChanges), refused when nested too deep
 * before it is parsed, then parsed once.
 */
async function readJson(c: Context): Promise<unknown> {
	const text = await c.req.text();
	if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
		throw new AppError(400, 'json_too_deep', 'Le contenu envoyé est imbriqué trop profondément.');
	}
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new AppError(400, 'invalid_json', 'Le contenu envoyé n’est pas du JSON valide.');
	}
}

/**
 * Hono's typed validation with the app's own refusal. `c.req.valid(target)` then carries the
 * schema's output type, and the route's input type reaches the typed client (hc): the browser
 * and the tests call the API with the same types the route checks.
 * A refusal is a 400 naming each field in French (the schema's messages), or `refusal` for inputs
 * that are not a form (a link's token, a period). A body that is not JSON at all is
 * `invalid_json`, not Hono's English "Malformed JSON", and one nested deeper than MAX_JSON_DEPTH
 * `json_too_deep`, refused before it is parsed. A JSON body is read here, as zValidator would read
 * it (hono's validator would parse it a second time), with zValidator's types.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
	target: Target,
	schema: T,
	refusal: Refusal = FIELDS
) {
	const check = zValidator(target, schema, (result) => {
		if (!result.success) throw refuse(refusal, result.error);
	});
	if (target === 'query') {
		// Read at every agenda pull, thousands of times an hour: one value per name (as the API's
		// queries are), parsed synchronously; zValidator's lists and async parse cost it ~5 µs.
		const query: MiddlewareHandler = async (c, next) => {
			const result = schema.safeParse(c.req.query());
			if (!result.success) throw refuse(refusal, result.error);
			c.req.addValidatedData('query', result.data as object);
			await next();
		};
		return query as typeof check;
	}
	if (target !== 'json') return check;
	const json: MiddlewareHandler = async (c, next) => {
		const result = await schema.safeParseAsync(await readJson(c));
		if (!result.success) throw refuse(refusal, result.error);
		c.req.addValidatedData('json', result.data as object);
		await next();
	};
	return json as typeof check;
}
