import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { Api } from '../../../server/api.ts';

/** The API's refusal, carrying the server's French message for the person and a code for the code. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly fields: Record<string, string> = {}
	) {
		super(message);
		this.name = 'ApiError';
	}
}

/** The network could not be reached (offline, server stopped): distinct from a refusal. */
export class NetworkError extends Error {
	constructor(cause: unknown) {
		super('Le serveur ne répond pas. Vérifiez votre connexion.', { cause });
		this.name = 'NetworkError';
	}
}

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/**
 * Called whenever the server says a call needs a session that is not there (401 `unauthenticated`):
 * the session ended elsewhere (another tab, a password reset, expiry). Wrong credentials at sign-in
 * are a 401 too, with another code: they are a refusal, not the end of a session.
 */
export function onSessionEnded(listener: SessionEndedListener): () => void {
	sessionEndedListeners.add(listener);
	return () => sessionEndedListeners.delete(listener);
}

/**
 * The API as the server's routes type it (server/api.ts, imported as a type only): every path, the
 * input its schema checks and the answer it gives are known to the type checker, so a route and
 * its callers cannot drift apart.
 */
export const api = hc<Api>('/api', { headers: { Accept: 'application/json' } });

/** What a successful answer holds (a refusal is thrown, never returned). */
export type Answer<R> =
	R extends ClientResponse<infer T, infer S, 'json'> ? (S extends SuccessStatusCode ? T : never) : never;

/**
 * The body of the API's answer to `request` (a call of `api`); a refusal becomes an ApiError with
 * the server's French message, an unreachable server a NetworkError.
 */
export async function answer<R extends ClientResponse<unknown, number, 'json'>>(
	request: Promise<R>
): Promise<Answer<R>> {
	let response: R;
	try {
		response = await request;
	} catch (cause) {
		throw new NetworkError(cause);
	}
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const error = (
			body as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null
		)?.error;
		const code = error?.code ?? `http_${response.status}`;
		if (response.status === 401 && code === 'unauthenticated')
			for (const listener of sessionEndedListeners) listener();
		throw new ApiError(
			response.status,
			code,
			error?.message ?? 'Une erreur est survenue. Veuillez réessayer.',
			error?.fields
		);
	}
	return body as Answer<R>;
}

/** The French message to show for any failure of a call. */
export function errorMessage(error: unknown): string {
	if (error instanceof ApiError || error instanceof NetworkError) return error.message;
	return 'Une erreur inattendue est survenue. Veuillez réessayer.';
}

/** The per-field messages of a refusal (empty for other failures). */
export function errorFields(error: unknown): Record<string, string> {
	return error instanceof ApiError ? error.fields : {};
}
