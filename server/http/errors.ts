import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

/** A refusal the user can understand: a stable code for the client, a French message for the person. */
export class AppError extends Error {
	constructor(
		readonly status: ContentfulStatusCode,
		readonly code: string,
		message: string,
		readonly fields?: Record<string, string>,
		readonly headers?: Record<string, string>
	) {
		super(message);
		this.name = 'AppError';
	}
}

export function errorBody(code: string, message: string, fields?: Record<string, string>): ErrorBody {
	return { error: fields ? { code, message, fields } : { code, message } };
}

/** The one place an exception becomes an HTTP answer: never a stack trace to the client. */
export function handleError(err: Error, c: Context): Response {
	if (err instanceof AppError) {
		return c.json(errorBody(err.code, err.message, err.fields), err.status, err.headers);
	}
	if (err instanceof HTTPException) {
		const status = err.status as ContentfulStatusCode;
		return c.json(errorBody(`http_${status}`, err.message || 'Requête refusée.'), status);
	}
	console.error(`[erreur] ${c.req.method} ${c.req.path}`, err);
	return c.json(errorBody('internal_error', 'Une erreur inattendue est survenue. Veuillez réessayer.'), 500);
}

export function apiNotFound(c: Context): Response {
	return c.json(errorBody('not_found', "Cette adresse de l'API n'existe pas."), 404);
}
