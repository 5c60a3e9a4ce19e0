import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { jsonAnswer } from '../../server/http/json-answer.ts';
import { securityHeaders } from '../../server/http/security-headers.ts';

function app() {
	return new Hono()
		.use(securityHeaders({ scriptHashes: [] }))
		.get('/api/plain', (c) => jsonAnswer(c, { ok: true }))
		.get('/api/with-headers', (c) => {
			c.header('X-Portail-Essai', 'gardé');
			setCookie(c, 'un', '1', { path: '/' });
			setCookie(c, 'deux', '2', { path: '/' });
			return jsonAnswer(c, { ok: true, long: 'x'.repeat(2000) });
		});
}

describe('JsonAnswer', () => {
	it('keeps every header set with c.header() before it, each cookie apart', async () => {
		const res = await app().request('/api/with-headers', { headers: { 'Accept-Encoding': 'gzip' } });
		expect(res.status).toBe(200);
		expect(res.headers.get('x-portail-essai')).toBe('gardé');
		expect(res.headers.getSetCookie()).toEqual(['un=1; Path=/', 'deux=2; Path=/']);
		// Its own headers too: the API's security set and the encoding.
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
		expect(res.headers.get('content-type')).toBe('application/json');
	});

	it('is the very Response sent, not copied by Hono into one with a stream body', async () => {
		// A copy is what made @hono/node-server read every cached answer back as a stream (2× the CPU).
		let returned: Response | undefined;
		let sent: Response | undefined;
		const probe = new Hono()
			.use(async (c, next) => {
				await next();
				sent = c.res;
			})
			.use(securityHeaders({ scriptHashes: [] }))
			.get('/api/copied', (c) => {
				setCookie(c, 'un', '1', { path: '/' });
				return (returned = jsonAnswer(c, { ok: true }));
			});
		const res = await probe.request('/api/copied');
		expect(res.headers.getSetCookie()).toEqual(['un=1; Path=/']);
		expect(sent).toBe(returned);
	});

	it('adds nothing when nothing was set before it', async () => {
		const res = await app().request('/api/plain');
		expect(res.headers.getSetCookie()).toEqual([]);
		expect(await res.json()).toEqual({ ok: true });
		expect(res.headers.get('cache-control')).toBe('no-store');
	});
});
