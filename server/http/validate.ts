import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { fieldErrors } from '../../src/lib/domain/forms/field-errors.ts';
import { AppError } from './errors.ts';

/**
 * Hono's typed validation (`c.req.valid(target)` then carries the schema's output type, and the
 * route's input type reaches the typed client), with the app's own refusal: a 400 whose French
 * messages name each field, thrown to the one error handler.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
	target: Target,
	schema: T
) {
	return zValidator(target, schema, (result) => {
		if (!result.success) {
			throw new AppError(
				400,
				'invalid_fields',
				'Certains champs sont à corriger.',
				fieldErrors(result.error)
			);
		}
	});
}
