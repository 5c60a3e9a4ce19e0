import type { Hono } from 'hono';
import { hc } from 'hono/client';
import type { App as PortalApp } from '../../../server/app.ts';

type App = { request: Hono['request'] };

/**
 * A browser-like client for app.request(): same-origin Origin header, JSON bodies, and a cookie
 * jar that follows Set-Cookie (so a test signs in once and stays signed in).
 */
export class TestClient {
	cookies = new Map<string, string>();
	lastSetCookie: string[] = [];

	/**
	 * The API typed by the app's own routes, as hono/testing's testClient gives it, through this
	 * client's jar and headers: `client.api.auth.login.$post({ json: … })`.
	 */
	readonly api: ReturnType<typeof hc<PortalApp>>['api'];

	constructor(
		private readonly app: App,
		private readonly options: { origin?: string; ip?: string } = {}
	) {
		this.api = hc<PortalApp>('http://localhost', {
			fetch: (input: RequestInfo | URL, init?: RequestInit) => {
				const url = new URL(input instanceof Request ? input.url : String(input));
				const headers = Object.fromEntries(new Headers(init?.headers).entries());
				return this.#send(url.pathname + url.search, init?.method ?? 'GET', init?.body, headers);
			}
		}).api;
	}

	request(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {}
	): Promise<Response> {
		return this.#send(
			path,
			method,
			body === undefined ? undefined : JSON.stringify(body),
			body === undefined ? headers : { 'Content-Type': 'application/json', ...headers }
		);
	}

	async #send(
		path: string,
		method: string,
		body: RequestInit['body'] | undefined,
		headers: Record<string, string>
	): Promise<Response> {
		const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const res = await this.app.request(path, {
			method,
			headers: {
				Origin: this.options.origin ?? 'http://localhost',
				...(cookie ? { Cookie: cookie } : {}),
				...(this.options.ip ? { 'X-Forwarded-For': this.options.ip } : {}),
				...headers
			},
			body
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
