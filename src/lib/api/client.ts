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

export async function getJson(path: string, init: RequestInit = {}): Promise<unknown> {
	let response: Response;
	try {
		response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init.headers } });
	} catch (cause) {
		throw new NetworkError(cause);
	}
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const error = (
			body as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null
		)?.error;
		throw new ApiError(
			response.status,
			error?.code ?? `http_${response.status}`,
			error?.message ?? 'Une erreur est survenue. Veuillez réessayer.',
			error?.fields
		);
	}
	return body;
}
