import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLAIRE, login, PASCAL, registerCitizen, sessionCookie } from './support/accounts.ts';
import { expectError } from './support/expect.ts';
import { json, TestClient } from './support/http-client.ts';
import { testApp, type TestCtx } from './support/test-app.ts';

const START = '2026-11-28T09:00:00Z'; // 10:00 in Paris
const at = (days: number, minutes = 0) =>
	new Date(Date.parse(START) + days * 86_400_000 + minutes * 60_000).toISOString();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const WRONG = 'Identifiant ou mot de passe incorrect.';

/** A portal with Pascal's account, signed out. */
async function withPascal(): Promise<TestCtx> {
	const ctx = await testApp({ now: START });
	await registerCitizen(ctx, new TestClient(ctx.app, { ip: '192.0.2.1' }));
	return ctx;
}

const sessions = (ctx: TestCtx) => ctx.db.selectFrom('session').selectAll().execute();

async function signedIn(client: TestClient): Promise<boolean> {
	const { account } = await json<{ account: unknown }>(await client.get('/api/auth/session'));
	const profile = await client.get('/api/profile');
	expect(profile.status).toBe(account ? 200 : 401);
	return account !== null;
}

describe('signing in', () => {
	it('accepts the username or the e-mail, whatever their case', async () => {
		const ctx = await withPascal();
		for (const identifiant of ['pascal.dupin', ' Pascal.DUPIN ', 'dupin@example.com', 'DUPIN@Example.Com']) {
			const client = new TestClient(ctx.app);
			const res = await login(client, identifiant);
			expect(res.status, identifiant).toBe(200);
			expect(await res.json()).toEqual({
				account: { identifiant: 'pascal.dupin', prenom: 'Pascal', nom: 'DUPIN', role: 'citizen' }
			});
			expect(await signedIn(client)).toBe(true);
		}
	});

	it('answers a wrong password and an unknown user with the same 401 and sets no cookie', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		const wrong = await login(client, 'pascal.dupin', 'Hesdigneul63');
		const unknown = await login(client, 'paul.inconnu', 'Hesdigneul62');
		const [a, b] = [await wrong.text(), await unknown.text()];
		expect(a).toBe(b);
		await expectError(new Response(a, wrong), 401, { code: 'wrong_credentials', message: WRONG });
		expect(client.cookies.size).toBe(0);
		// Both empty fields are told at once; a field of spaces is empty.
		for (const body of [{ identifiant: '' }, { identifiant: '  ', motDePasse: '' }]) {
			await expectError(await client.post('/api/auth/login', body), 400, {
				fields: { identifiant: 'Ce champ est obligatoire.', motDePasse: 'Ce champ est obligatoire.' }
			});
		}
	});

	it('stores only the SHA-256 of the cookie’s token, and gives a new token at each sign-in', async () => {
		const ctx = await withPascal();
		await ctx.db.deleteFrom('session').execute();
		const client = new TestClient(ctx.app);
		await login(client, 'pascal.dupin');
		const first = sessionCookie(client) ?? '';
		expect(first).toMatch(/^[a-z2-7]{52}$/);
		expect((await sessions(ctx)).map((s) => s.id)).toEqual([sha256(first)]);
		expect(JSON.stringify(await sessions(ctx))).not.toContain(first);

		await login(client, 'pascal.dupin');
		const second = sessionCookie(client) ?? '';
		expect(second).not.toBe(first);
		// The session the browser had before is ended, not kept beside the new one.
		expect((await sessions(ctx)).map((s) => s.id)).toEqual([sha256(second)]);
	});

	it('signs out: the session is deleted on the server and the cookie cleared', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		await login(client, 'pascal.dupin');
		const token = sessionCookie(client) ?? '';
		const res = await client.post('/api/auth/logout');
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ account: null });
		expect(client.lastSetCookie.join()).toMatch(/^portail_session=; Max-Age=0; Path=\//);
		expect(await ctx.db.selectFrom('session').where('id', '=', sha256(token)).selectAll().execute()).toEqual(
			[]
		);
		// The old token, replayed, is worth nothing.
		const replay = new TestClient(ctx.app);
		replay.cookies.set('portail_session', token);
		expect(await signedIn(replay)).toBe(false);
	});

	it('clears a dead or malformed session cookie, whatever the answer', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		await login(client, 'pascal.dupin');
		await ctx.db.deleteFrom('session').execute();
		// Dead, or never one of ours (a leftover, a quoted or forged value).
		const dead = sessionCookie(client) ?? '';
		for (const path of ['/api/catalog', '/api/health', '/api/profile', '/api/nope']) {
			for (const value of [dead, 'perime', `"${dead}"`]) {
				const res = await ctx.app.request(path, { headers: { Cookie: `portail_session=${value}` } });
				expect(res.headers.getSetCookie().join(), `${path} ${value}`).toMatch(
					/^portail_session=; Max-Age=0; Path=\//
				);
			}
		}
	});

	it('finds its cookie among the others, and takes no other for it', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		await login(client, 'pascal.dupin');
		const token = sessionCookie(client) ?? '';
		const profile = (cookie: string) => ctx.app.request('/api/profile', { headers: { Cookie: cookie } });
		for (const cookie of [
			`portail_session=${token}`,
			`theme=sombre; portail_session=${token}; lang=fr`,
			`theme=sombre;portail_session=${token}`,
			`xportail_session=abc; portail_session=${token}`,
			`portail_session=${token};theme=sombre`,
			// A token slipped inside another cookie's value (set from a sibling domain) is not taken.
			`evil=x portail_session=${'a'.repeat(52)}; portail_session=${token}`,
			`evil=x\tportail_session=${'a'.repeat(52)}; portail_session=${token}`
		]) {
			expect((await profile(cookie)).status, cookie).toBe(200);
		}
		for (const cookie of [
			`xportail_session=${token}`,
			`portail_session_old=${token}`,
			`portail_session="${token}"`,
			`portail_session=${token}x`,
			`portail_session=${token.toUpperCase()}`,
			'portail_session='
		]) {
			expect((await profile(cookie)).status, cookie).toBe(401);
		}
	});
});

describe('session expiry (idle 30 days, sliding; absolute 90 days)', () => {
	it('ends a session left 30 days without a visit', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		await login(client, 'pascal.dupin');
		const id = sha256(sessionCookie(client) ?? '');
		ctx.clock.set(at(31));
		await expectError(await client.get('/api/profile'), 401, {
			code: 'unauthenticated',
			message: /Veuillez vous reconnecter\.$/
		});
		expect(await json(await client.get('/api/auth/session'))).toMatchObject({ account: null });
		expect((await sessions(ctx)).map((s) => s.id)).not.toContain(id);
	});

	it('renews the session at each visit: seen at day 20, still valid at day 45, not at day 76', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		await login(client, 'pascal.dupin');
		ctx.clock.set(at(20));
		expect(await signedIn(client)).toBe(true);
		ctx.clock.set(at(45));
		expect(await signedIn(client)).toBe(true);
		ctx.clock.set(at(76));
		expect(await signedIn(client)).toBe(false);
	});

	it('ends a session 90 days after sign-in even with a visit every 10 days', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		await login(client, 'pascal.dupin');
		for (let day = 10; day < 90; day += 10) {
			ctx.clock.set(at(day));
			expect(await signedIn(client), `day ${day}`).toBe(true);
		}
		ctx.clock.set(at(89, 59 + 23 * 60));
		expect(await signedIn(client)).toBe(true);
		ctx.clock.set(at(90));
		expect(await signedIn(client)).toBe(false);
	});
});

describe('sessions per account', () => {
	it('keeps the 20 newest: a 21st sign-in ends the oldest device’s session', async () => {
		const ctx = await withPascal();
		await ctx.db.deleteFrom('session').execute();
		const devices: TestClient[] = [];
		for (let i = 0; i < 25; i++) {
			const device = new TestClient(ctx.app, { ip: '192.0.2.1' });
			expect((await login(device, 'pascal.dupin')).status).toBe(200);
			devices.push(device);
		}
		expect(await sessions(ctx)).toHaveLength(20);
		const signedInNow = [];
		for (const device of devices) signedInNow.push(await signedIn(device));
		expect(signedInNow).toEqual([...Array(5).fill(false), ...Array(20).fill(true)]);
	});
});

describe('sign-in throttling', () => {
	it('after 10 failures on one account from one address, refuses even the right password from there for 15 minutes', async () => {
		const ctx = await withPascal();
		const attacker = new TestClient(ctx.app, { ip: '203.0.113.5' });
		for (let i = 0; i < 10; i++) {
			await expectError(await login(attacker, 'pascal.dupin', `Mauvais${i}`), 401, { message: WRONG });
		}
		const refused = await login(attacker, 'pascal.dupin');
		expect(refused.headers.get('retry-after')).toBe('900');
		await expectError(refused, 429, {
			code: 'too_many_attempts',
			message: 'Trop de tentatives. Pour votre sécurité, réessayez à partir de 10:15.'
		});
		expect(attacker.cookies.size).toBe(0);

		// Pascal, at home on another address, is not locked out.
		expect((await login(new TestClient(ctx.app, { ip: '198.51.100.7' }), 'pascal.dupin')).status).toBe(200);

		ctx.clock.set(at(0, 14));
		expect((await login(attacker, 'pascal.dupin')).status).toBe(429);
		ctx.clock.set(at(0, 15));
		expect((await login(attacker, 'pascal.dupin')).status).toBe(200);
	});

	it('counts failures per identifier as typed: a username and an e-mail of one account answer as two strangers', async () => {
		// If the two shared a counter, 429 after 5 + 5 would tell that they belong together.
		const ctx = await withPascal();
		await registerCitizen(ctx, new TestClient(ctx.app, { ip: '192.0.2.2' }), CLAIRE);
		const statuses = async (ip: string, first: string, second: string) => {
			const attacker = new TestClient(ctx.app, { ip });
			const seen: number[] = [];
			for (let i = 0; i < 12; i++) {
				seen.push((await login(attacker, first, `Mauvais${i}`)).status);
				seen.push((await login(attacker, second, `Mauvais${i}`)).status);
			}
			seen.push((await login(attacker, second)).status);
			return seen;
		};
		const sameAccount = await statuses('203.0.113.6', 'pascal.dupin', 'DUPIN@example.com');
		const twoAccounts = await statuses('203.0.113.7', 'claire.martin', 'dupin@example.com');
		expect(sameAccount).toEqual(twoAccounts);
		expect(sameAccount.slice(0, 20)).toEqual(Array(20).fill(401));
		expect(sameAccount.slice(20)).toEqual(Array(5).fill(429));
		// After 5 + 5, the right password by e-mail still signs in, as it would for a stranger's e-mail
		// (15 minutes on, once the guesses above, 20 at each identifier, have left its budget).
		ctx.clock.set(at(0, 15));
		const other = new TestClient(ctx.app, { ip: '203.0.113.8' });
		for (let i = 0; i < 5; i++) {
			await login(other, 'pascal.dupin', `Mauvais${i}`);
			await login(other, 'dupin@example.com', `Mauvais${i}`);
		}
		expect((await login(other, 'dupin@example.com')).status).toBe(200);
		// About 60 Argon2id hashes: 3 s on a quiet machine, more when CI shares it.
	}, 20_000);

	it('gives one address at most 20 guesses at an account in 15 minutes, however the identifier is written', async () => {
		const ctx = await withPascal();
		const attacker = new TestClient(ctx.app, { ip: '203.0.113.10' });
		const spellings = [
			'pascal.dupin',
			' Pascal.Dupin ',
			'PASCAL.DUPIN',
			'dupin@example.com',
			'Dupin@Example.com '
		];
		const seen: number[] = [];
		for (let i = 0; i < 25; i++)
			seen.push((await login(attacker, spellings[i % 5] ?? '', `Mauvais${i}`)).status);
		expect(seen.filter((s) => s === 401)).toHaveLength(20);
		await expectError(await login(attacker, 'pascal.dupin'), 429, { code: 'too_many_attempts' });
		await expectError(await login(attacker, 'dupin@example.com'), 429, { code: 'too_many_attempts' });
	});

	it('keeps registrations and recoveries out of the sign-in budget of an address', async () => {
		const ctx = await withPascal();
		const family = new TestClient(ctx.app, { ip: '203.0.113.11' });
		for (let i = 0; i < 10; i++) {
			expect(
				(await family.post('/api/accounts/registrations', { identity: { ...PASCAL, prenom: '' } })).status
			).toBe(400);
			expect(
				(await family.post('/api/accounts/recovery', { perdu: 'identifiant', courriel: `x${i}@example.com` }))
					.status
			).toBe(202);
		}
		for (let i = 0; i < 29; i++) expect((await login(family, `inconnu${i}`)).status).toBe(401);
		expect((await login(family, 'pascal.dupin')).status).toBe(200);
		await expectError(
			await family.post('/api/accounts/recovery', { perdu: 'identifiant', courriel: 'y@example.com' }),
			429,
			{ code: 'too_many_attempts' }
		);
	});

	it('after 30 failures from one address on any accounts, refuses that address for 15 minutes', async () => {
		const ctx = await withPascal();
		const school = new TestClient(ctx.app, { ip: '203.0.113.9' });
		for (let i = 0; i < 30; i++) {
			expect((await login(school, `inconnu${i}`, 'Hesdigneul62')).status).toBe(401);
		}
		await expectError(await login(school, 'pascal.dupin'), 429, {
			message: /réessayez à partir de 10:15\.$/
		});
		expect((await login(new TestClient(ctx.app, { ip: '198.51.100.7' }), 'pascal.dupin')).status).toBe(200);
		ctx.clock.set(at(0, 15));
		expect((await login(school, 'pascal.dupin')).status).toBe(200);
	});
});

describe('cross-site requests', () => {
	const form = 'identifiant=pascal.dupin&motDePasse=Hesdigneul62';

	it('refuses a form posted from another site with 403', async () => {
		const ctx = await withPascal();
		const evil = new TestClient(ctx.app, { origin: 'https://evil.example' });
		for (const type of [
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			'text/plain'
		]) {
			const res = await evil.raw('POST', '/api/auth/login', form, { 'Content-Type': type });
			await expectError(res, 403, { code: 'forbidden_origin' });
			expect(evil.lastSetCookie).toEqual([]);
		}
	});

	it('takes JSON only, even from the portal’s own pages (415)', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		const body = JSON.stringify({ identifiant: 'pascal.dupin', motDePasse: 'Hesdigneul62' });
		for (const [text, type] of [
			[body, 'text/plain'],
			[form, 'application/x-www-form-urlencoded']
		] as const) {
			await expectError(await client.raw('POST', '/api/auth/login', text, { 'Content-Type': type }), 415, {
				code: 'unsupported_media_type'
			});
		}
		expect(client.cookies.size).toBe(0);
	});

	it('takes the portal’s origin from PUBLIC_URL, never from the Host header the sender writes', async () => {
		const credentials = JSON.stringify({ identifiant: 'pascal.dupin', motDePasse: 'Hesdigneul62' });
		// The request's own URL is built from its Host: a script can make it say anything.
		const post = (ctx: TestCtx, url: string, origin: string, type = 'application/json') =>
			ctx.app.request(url, {
				method: 'POST',
				headers: { Origin: origin, 'Content-Type': type },
				body: credentials
			});
		for (const env of ['production', 'test'] as const) {
			const ctx = await testApp({ env: { NODE_ENV: env, PUBLIC_URL: 'https://portail.example.fr' } });
			for (const site of ['http://evil.example', 'http://evil.example:3222', 'http://localhost:5173']) {
				await expectError(await post(ctx, `${site}/api/auth/login`, site), 403, { code: 'forbidden_origin' });
				await expectError(await post(ctx, `${site}/api/auth/login`, site, 'text/plain'), 403, {
					code: 'forbidden_origin'
				});
			}
			const own = await post(ctx, 'https://portail.example.fr/api/auth/login', 'https://portail.example.fr');
			await expectError(own, 401, { code: 'wrong_credentials' });
		}
		// In development the page is Vite's (its proxy keeps the Host): its own origin passes there only.
		const dev = await testApp({ env: { NODE_ENV: 'development' } });
		const vite = await post(dev, 'http://localhost:5173/api/auth/login', 'http://localhost:5173');
		await expectError(vite, 401, { code: 'wrong_credentials' });
		await expectError(await post(dev, 'http://localhost:5173/api/auth/login', 'http://evil.example'), 403, {
			code: 'forbidden_origin'
		});
	});

	it('refuses JSON from another site too (403), before any work', async () => {
		const ctx = await withPascal();
		const evil = new TestClient(ctx.app, { origin: 'https://evil.example' });
		await expectError(await login(evil, 'pascal.dupin'), 403, { code: 'forbidden_origin' });
		expect(evil.lastSetCookie).toEqual([]);
		// And the API grants no CORS: a page of another site cannot even ask.
		const preflight = await ctx.app.request('/api/auth/login', {
			method: 'OPTIONS',
			headers: {
				Origin: 'https://evil.example',
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'content-type'
			}
		});
		expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
		expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
	});
});
