import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withDupinFamily } from './support/agenda.ts';
import { tempDir, testApp } from './support/test-app.ts';

const BOOT = 'console.log("boot")';

/** A tiny stand-in for the built SPA: a shell with an inline boot script and one hashed asset. */
function fakeBuild(): string {
	const dir = tempDir('portail-build-');
	mkdirSync(join(dir, '_app/immutable/entry'), { recursive: true });
	writeFileSync(
		join(dir, 'index.html'),
		`<!doctype html><html lang="fr"><head><title>%portail.town% — Portail citoyen</title></head><body><script>${BOOT}</script></body></html>`
	);
	const asset = 'export const x = 1;'.repeat(50);
	writeFileSync(join(dir, '_app/immutable/entry/app.abc123.js'), asset);
	writeFileSync(join(dir, '_app/immutable/entry/app.abc123.js.gz'), gzipSync(asset));
	writeFileSync(join(dir, 'service-worker.js'), 'self.addEventListener("install", () => {});');
	return dir;
}

describe('unknown API routes', () => {
	it('answer 404 with the JSON error shape', async () => {
		const { app } = await testApp();
		for (const path of ['/api/nope', '/api/catalog/extra', '/api']) {
			const res = await app.request(path);
			expect(res.status, path).toBe(404);
			expect(await res.json()).toEqual({
				error: { code: 'not_found', message: "Cette adresse de l'API n'existe pas." }
			});
		}
		const post = await app.request('/api/nope', {
			method: 'POST',
			headers: { Origin: 'http://localhost', 'Content-Type': 'application/json' },
			body: '{}'
		});
		expect(post.status).toBe(404);
	});
});

describe('security headers', () => {
	it('are on pages: a policy allowing this origin only', async () => {
		const { app } = await testApp({ appDir: fakeBuild() });
		const res = await app.request('/connexion');
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("worker-src 'self'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'none'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain('unsafe-inline');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(res.headers.get('strict-transport-security')).toBeNull();
	});

	it('are on API answers, large or small, refusals too: a policy allowing nothing, no-store', async () => {
		const ctx = await testApp();
		const { app } = ctx;
		const { client } = await withDupinFamily(ctx);
		const answers = [
			await app.request('/api/catalog', { headers: { 'Accept-Encoding': 'gzip' } }),
			await app.request('/api/health'),
			await app.request('/api/profile'),
			await client.get('/api/sync/pull?from=2026-12-01&to=2026-12-31&schemaVersion=1')
		];
		expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 200]);
		for (const res of answers) {
			expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('x-frame-options')).toBe('DENY');
			expect(res.headers.get('cache-control')).toBe('no-store');
			expect(res.headers.get('strict-transport-security')).toBeNull();
		}
	});

	it('add HSTS only when served over HTTPS (directly or behind the trusted TLS proxy)', async () => {
		const { app } = await testApp();
		const direct = await app.request('https://portail.example/api/health');
		expect(direct.headers.get('strict-transport-security')).toContain('max-age=');
		const proxied = await app.request('/api/health', { headers: { 'X-Forwarded-Proto': 'https' } });
		expect(proxied.headers.get('strict-transport-security')).toContain('max-age=');
		// Without TRUST_PROXY the header is anyone's word: a plain http answer carries no HSTS.
		const untrusted = (await testApp({ env: { TRUST_PROXY: 'false' } })).app;
		for (const path of ['/api/health', '/connexion']) {
			const res = await untrusted.request(path, { headers: { 'X-Forwarded-Proto': 'https' } });
			expect(res.headers.get('strict-transport-security'), path).toBeNull();
		}
		const served = await untrusted.request('https://portail.example/api/health');
		expect(served.headers.get('strict-transport-security')).toContain('max-age=');
	});

	it('are on pages and errors too', async () => {
		const { app } = await testApp({ appDir: fakeBuild() });
		for (const path of ['/', '/connexion', '/_app/immutable/missing.js', '/api/nope']) {
			const res = await app.request(path);
			expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
			expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
		}
	});
});

describe('the built app', () => {
	it('serves the shell with the town name and allows exactly its inline boot script', async () => {
		const { app } = await testApp({ appDir: fakeBuild(), env: { TOWN_NAME: 'Ville de Samer' } });
		const res = await app.request('/');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-cache');
		expect(await res.text()).toContain('<title>Ville de Samer — Portail citoyen</title>');
		const hash = createHash('sha256').update(BOOT).digest('base64');
		expect(res.headers.get('content-security-policy')).toContain(`script-src 'self' 'sha256-${hash}'`);
	});

	it('escapes the town name in the page', async () => {
		const { app } = await testApp({ appDir: fakeBuild(), env: { TOWN_NAME: 'Ville <de> "Test"' } });
		expect(await (await app.request('/')).text()).toContain('Ville &#60;de&#62; &#34;Test&#34;');
	});

	it('falls back to the shell for page paths (deep links)', async () => {
		const { app } = await testApp({ appDir: fakeBuild() });
		for (const path of ['/connexion', '/demarches/fiche-enfant', '/mentions-legales']) {
			const res = await app.request(path);
			expect(res.status, path).toBe(200);
			expect(await res.text()).toContain('<!doctype html>');
		}
	});

	it('answers 404 for a missing asset instead of the shell', async () => {
		const { app } = await testApp({ appDir: fakeBuild() });
		expect((await app.request('/_app/immutable/entry/gone.js')).status).toBe(404);
		expect((await app.request('/image-absente.png')).status).toBe(404);
	});

	it('serves hashed assets precompressed with immutable caching', async () => {
		const { app } = await testApp({ appDir: fakeBuild() });
		const res = await app.request('/_app/immutable/entry/app.abc123.js', {
			headers: { 'Accept-Encoding': 'gzip, deflate' }
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(res.headers.get('content-type')).toContain('javascript');
	});

	it('makes the service worker revalidate so a new version reaches phones', async () => {
		const { app } = await testApp({ appDir: fakeBuild() });
		const res = await app.request('/service-worker.js');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-cache');
	});

	it('compresses the shell and API answers', async () => {
		const { app } = await testApp({ appDir: fakeBuild() });
		const page = await app.request('/', { headers: { 'Accept-Encoding': 'gzip' } });
		expect(page.headers.get('content-encoding')).toBe('gzip');
		const api = await app.request('/api/catalog', { headers: { 'Accept-Encoding': 'gzip' } });
		expect(api.headers.get('content-encoding')).toBe('gzip');
	});

	it('says plainly when the app was not built', async () => {
		const { app } = await testApp();
		const res = await app.request('/');
		expect(res.status).toBe(503);
		expect(await res.text()).toContain('npm run build');
	});
});

describe('the client address behind the trusted proxy', () => {
	it('is the last address of X-Forwarded-For, the one the proxy added: a client cannot change it', async () => {
		const ctx = await testApp();
		// What a client writes comes first; the proxy appends the address it saw.
		const login = (written: string) =>
			ctx.app.request('/api/auth/login', {
				method: 'POST',
				headers: {
					Origin: 'http://localhost',
					'Content-Type': 'application/json',
					'X-Forwarded-For': `${written}, 203.0.113.9`
				},
				body: JSON.stringify({ identifiant: `inconnu${written}`, motDePasse: 'Mauvais1' })
			});
		for (let i = 0; i < 30; i++) expect((await login(`10.0.0.${i}`)).status).toBe(401);
		expect((await login('10.0.1.1')).status).toBe(429);
	});
});
