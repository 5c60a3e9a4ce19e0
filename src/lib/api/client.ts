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

/** Calls the API; a refusal becomes an ApiError, an unreachable server a NetworkError. */
async function call(path: string, init: RequestInit): Promise<unknown> {
	let response: Response;
	try {
		response = await fetch(path, {
			credentials: 'same-origin',
			...init,
			headers: { Accept: 'application/json', ...init.headers }
		});
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
	return body;
}

export function getJson(path: string, init: RequestInit = {}): Promise<unknown> {
	return call(path, init);
}

export function sendJson(
	method: 'POST' | 'PUT' | 'DELETE',
	path: string,
	body?: unknown,
	init: Pick<RequestInit, 'signal' | 'keepalive'> = {}
): Promise<unknown> {
	return call(path, {
		...init,
		method,
		...(body === undefined
			? {}
			: { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } })
	});
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
