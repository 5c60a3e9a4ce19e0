import { randomBytes } from 'node:crypto';
import { gunzipSync, inflateSync } from 'node:zlib';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { JsonAnswer, jsonAnswer } from '../../server/http/json-answer.ts';
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
			.get('/api/copied', async (c) => {
				setCookie(c, 'un', '1', { path: '/' });
				return (returned = await jsonAnswer(c, { ok: true }));
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

	describe('a large answer', () => {
		// 2 MiB that hardly compress: gzipSync would hold the event loop tens of milliseconds.
		const large = { ok: true, long: randomBytes(1536 * 1024).toString('base64') };
		const text = JSON.stringify(large);
		const shared = () => {
			const answer = new JsonAnswer(large);
			return {
				answer,
				app: new Hono().use(securityHeaders({ scriptHashes: [] })).get('/api/large', (c) => answer.respond(c))
			};
		};

		it('is compressed on the thread pool, the event loop free meanwhile', async () => {
			const { app } = shared();
			let loopTurned = false;
			setImmediate(() => (loopTurned = true));
			const res = await app.request('/api/large', { headers: { 'Accept-Encoding': 'gzip' } });
			expect(loopTurned).toBe(true);
			expect(res.headers.get('content-encoding')).toBe('gzip');
			expect(res.headers.get('vary')).toBe('Accept-Encoding');
			expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
			expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(text);
		});

		it('gives each encoding the client accepts, each made once, then sent from memory', async () => {
			const { answer, app } = shared();
			const gzip = { headers: { 'Accept-Encoding': 'gzip' } };
			const at = await Promise.all([app.request('/api/large', gzip), app.request('/api/large', gzip)]);
			const bodies = await Promise.all(at.map(async (res) => Buffer.from(await res.arrayBuffer())));
			expect(bodies[0]!.equals(bodies[1]!)).toBe(true);
			expect(answer.encodedBytes('gzip')).toBe(bodies[0]!.byteLength);
			expect(answer.encodedBytes('deflate')).toBe(0);
			const deflate = await app.request('/api/large', { headers: { 'Accept-Encoding': 'deflate' } });
			expect(deflate.headers.get('content-encoding')).toBe('deflate');
			expect(inflateSync(Buffer.from(await deflate.arrayBuffer())).toString()).toBe(text);
			const plain = await app.request('/api/large');
			expect(plain.headers.get('content-encoding')).toBeNull();
			expect(await plain.text()).toBe(text);
			// Kept, a body already made is sent without waiting for anything.
			let direct: unknown;
			await new Hono().get('/api/again', (c) => (direct = answer.respond(c))).request('/api/again', gzip);
			expect(direct).toBeInstanceOf(Response);
			expect(answer.textBytes).toBe(text.length);
		});
	});
});
