import { z } from 'zod';

// zod's own messages (a wrong type, a missing object) in French too, for every schema of the app.
z.config(z.locales.fr());

/** The one message every required field shows when left empty. */
export const REQUIRED = 'Ce champ est obligatoire.';

/** zod issues → one French message per field (the first), keyed by the field's dotted path. */
export function fieldErrors(error: Pick<z.core.$ZodError, 'issues'>): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = issue.path.join('.') || '_';
		fields[key] ??= issue.message;
	}
	return fields;
}
