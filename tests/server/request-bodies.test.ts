import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { SYNC_SCHEMA_VERSION } from '../../src/lib/domain/sync/protocol.ts';
import { MAX_JSON_DEPTH } from '../../server/http/json-depth.ts';
import { BODY_LIMIT } from '../../server/http/state-change-guard.ts';
import { withDupinFamily } from './support/agenda.ts';
import { expectError } from './support/expect.ts';
import { TestClient } from './support/http-client.ts';
import { testApp } from './support/test-app.ts';

const MIB = 1024 * 1024;
/** 1 MiB of `[[[…]]]`: JSON.parse alone takes over 100 ms of the server's one thread on it. */
const deep = '['.repeat(MIB / 2) + ']'.repeat(MIB / 2);
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

type App = { request(input: Request): Response | Promise<Response> };

/**
 * A body sent as it is, with the client's cookies (TestClient.raw sends none) and its length, as
 * it arrives over HTTP: built beforehand, so that the time measured is the server's alone.
 */
function request(client: TestClient, path: string, body: string): Request {
	const bytes = new TextEncoder().encode(body);
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: {
			Origin: 'http://localhost',
			'Content-Type': 'application/json',
			'Content-Length': String(bytes.byteLength),
			'X-Forwarded-For': '198.51.100.30',
			Cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
		},
		body: bytes
	});
}

/** The answer, and the median time the app took to give it, over 5 tries after one to warm up. */
async function timed(app: App, make: () => Request): Promise<{ res: Response; ms: number }> {
	let res = await app.request(make());
	const times: number[] = [];
	for (let i = 0; i < 5; i++) {
		const req = make();
		const started = performance.now();
		res = await app.request(req);
		times.push(performance.now() - started);
	}
	return { res, ms: times.sort((a, b) => a - b)[2] ?? Infinity };
}

const post = (app: App, client: TestClient, path: string, body: string) =>
	app.request(request(client, path, body));

describe('a body the API has to read', () => {
	it('is at most a few KiB for a sign-in: a megabyte is refused (413) before it is read', async () => {
		const { app } = await testApp();
		const client = new TestClient(app, { ip: '198.51.100.30' });
		for (const body of [deep, JSON.stringify({ identifiant: 'x'.repeat(MIB), motDePasse: 'y' })]) {
			const { res, ms } = await timed(app, () => request(client, '/api/auth/login', body));
			await expectError(res, 413, { code: 'payload_too_large', message: 'Envoi trop volumineux.' });
			expect(ms).toBeLessThan(10);
		}
		const justOver = JSON.stringify({ identifiant: 'x'.repeat(BODY_LIMIT), motDePasse: 'y' });
		await expectError(await post(app, client, '/api/auth/login', justOver), 413, {
			code: 'payload_too_large'
		});
	});

	it('may be a megabyte for a signed-in push only; nested too deep, it is refused before it is parsed', async () => {
		const ctx = await testApp();
		// Anonymous: the usual limit, whatever the route.
		const stranger = new TestClient(ctx.app, { ip: '198.51.100.31' });
		await expectError(await post(ctx.app, stranger, '/api/sync/push', deep), 413, {
			code: 'payload_too_large'
		});

		const { client } = await withDupinFamily(ctx);
		const { res, ms } = await timed(ctx.app, () => request(client, '/api/sync/push', deep));
		await expectError(res, 400, {
			code: 'json_too_deep',
			message: 'Le contenu envoyé est imbriqué trop profondément.'
		});
		expect(ms).toBeLessThan(10);
		// A flat body of nearly a megabyte is read (its schema then answers).
		const flat = JSON.stringify({
			schemaVersion: SYNC_SCHEMA_VERSION,
			mutations: [],
			bourrage: 'x'.repeat(MIB - 200)
		});
		expect((await post(ctx.app, client, '/api/sync/push', flat)).status).toBe(200);
		await expectError(await post(ctx.app, client, '/api/sync/push', `${flat}${' '.repeat(300)}`), 413, {
			code: 'payload_too_large'
		});
	});

	it(`nests at most ${MAX_JSON_DEPTH} levels, brackets inside strings not counted`, async () => {
		const { app } = await testApp();
		const client = new TestClient(app, { ip: '198.51.100.32' });
		const body = (extra: string) => `{"identifiant": "x", "motDePasse": "y", "extra": ${extra}}`;
		await expectError(await post(app, client, '/api/auth/login', body(nested(MAX_JSON_DEPTH))), 400, {
			code: 'json_too_deep'
		});
		// The object itself is one level: MAX_JSON_DEPTH - 1 more are accepted (the schema then answers).
		await expectError(await post(app, client, '/api/auth/login', body(nested(MAX_JSON_DEPTH - 1))), 401, {
			code: 'wrong_credentials'
		});
		const inStrings = JSON.stringify({ identifiant: '[{'.repeat(20), motDePasse: '\\"[[[['.repeat(20) });
		await expectError(await post(app, client, '/api/auth/login', inStrings), 401, {
			code: 'wrong_credentials'
		});
	});
});
