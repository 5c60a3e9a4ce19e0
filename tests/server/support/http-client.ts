import type { Hono } from 'hono';

type App = { request: Hono['request'] };

/**
 * A browser-like client for app.request(): same-origin Origin header, JSON bodies, and a cookie
 * jar that follows Set-Cookie (so a test signs in once and stays signed in).
 */
export class TestClient {
	cookies = new Map<string, string>();
	lastSetCookie: string[] = [];

	constructor(
		private readonly app: App,
		private readonly options: { origin?: string; ip?: string } = {}
	) {}

	async request(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {}
	): Promise<Response> {
		const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const res = await this.app.request(path, {
			method,
			headers: {
				Origin: this.options.origin ?? 'http://localhost',
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
				...(cookie ? { Cookie: cookie } : {}),
				...(this.options.ip ? { 'X-Forwarded-For': this.options.ip } : {}),
				...headers
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		this.lastSetCookie = res.headers.getSetCookie();
		for (const line of this.lastSetCookie) {
			const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
			const [name = '', value = ''] = pair.split('=');
			const expired = attributes.some(
				(a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)) < new Date())
			);
			if (expired || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return res;
	}

	get(path: string) {
		return this.request('GET', path);
	}
	post(path: string, body: unknown = {}) {
		return this.request('POST', path, body);
	}
	put(path: string, body: unknown) {
		return this.request('PUT', path, body);
	}
	delete(path: string) {
		return this.request('DELETE', path);
	}
	/** A body sent as is, with its own content type (a form, text/plain…), as another site could. */
	async raw(method: string, path: string, body: string, headers: Record<string, string>): Promise<Response> {
		const res = await this.app.request(path, {
			method,
			headers: { Origin: this.options.origin ?? 'http://localhost', ...headers },
			body
		});
		this.lastSetCookie = res.headers.getSetCookie();
		return res;
	}
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
	return (await res.json()) as T;
}
