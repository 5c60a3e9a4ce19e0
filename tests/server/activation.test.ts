import { describe, expect, it } from 'vitest';
import type { IdentityInput } from '../../src/lib/domain/accounts/identity.ts';
import {
	activationToken,
	CLAIRE,
	login,
	PASCAL,
	registerCitizen,
	solvedCaptcha
} from './support/accounts.ts';
import { expectError } from './support/expect.ts';
import { json, TestClient } from './support/http-client.ts';
import { testApp, type TestCtx } from './support/test-app.ts';

/** A pending request for `identity`; returns its activation token. */
async function requestFor(ctx: TestCtx, client: TestClient, identity: IdentityInput = PASCAL) {
	const res = await client.post('/api/accounts/registrations', {
		identity,
		captcha: await solvedCaptcha(client)
	});
	expect(res.status).toBe(202);
	return activationToken(ctx, identity.email);
}

function activate(client: TestClient, jeton: string, motDePasse = 'Hesdigneul62', extra: object = {}) {
	return client.post('/api/accounts/activation', {
		jeton,
		identifiant: 'pascal.dupin',
		motDePasse,
		confirmation: motDePasse,
		...extra
	});
}

/** The Set-Cookie line of the session cookie, split into its attributes. */
function sessionCookieLine(res: Response) {
	const line = res.headers.getSetCookie().find((l) => /^(__Host-)?portail_session=/.test(l)) ?? '';
	const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
	return { name: pair.split('=')[0], value: pair.split('=')[1], attributes };
}

const storedHash = async (ctx: TestCtx, username: string) =>
	(
		await ctx.db
			.selectFrom('account')
			.select('password_hash')
			.where('username', '=', username)
			.executeTakeFirstOrThrow()
	).password_hash;

describe('POST /api/accounts/activation', () => {
	it('creates the account and signs in with an HttpOnly, SameSite=Lax cookie (no Secure on http)', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		const res = await activate(client, await requestFor(ctx, client));
		expect(res.status).toBe(201);
		expect(await res.json()).toEqual({
			account: { identifiant: 'pascal.dupin', prenom: 'Pascal', nom: 'DUPIN', role: 'citizen' }
		});
		const cookie = sessionCookieLine(res);
		expect(cookie.name).toBe('portail_session');
		expect(cookie.value).toMatch(/^[a-z2-7]{52}$/);
		expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
		expect(cookie.attributes).not.toContain('Secure');
		expect(cookie.attributes.some((a) => /^Domain=/i.test(a))).toBe(false);
		expect(await json(await client.get('/api/auth/session'))).toMatchObject({
			account: { identifiant: 'pascal.dupin' }
		});
	});

	it('names the cookie __Host-portail_session and marks it Secure when the portal is on https', async () => {
		const ctx = await testApp({ env: { PUBLIC_URL: 'https://portail.example.fr' } });
		const client = new TestClient(ctx.app, { origin: 'https://portail.example.fr' });
		const res = await activate(client, await requestFor(ctx, client));
		expect(res.status).toBe(201);
		const cookie = sessionCookieLine(res);
		expect(cookie.name).toBe('__Host-portail_session');
		expect(cookie.attributes).toEqual(
			expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/'])
		);
		expect(await json(await client.get('/api/auth/session'))).toMatchObject({
			account: { identifiant: 'pascal.dupin' }
		});
	});

	it('keeps the cookie for the session’s whole life whatever the server clock says (Max-Age)', async () => {
		// A server whose clock is years behind (TEST_NOW in end-to-end tests) must not send a cookie
		// that the browser sees as already expired.
		const ctx = await testApp({ now: '2020-01-06T09:00:00Z' });
		const client = new TestClient(ctx.app);
		const res = await activate(client, await requestFor(ctx, client));
		expect(sessionCookieLine(res).attributes).toContain(`Max-Age=${90 * 24 * 3600}`);
		expect(await json(await client.get('/api/auth/session'))).toMatchObject({
			account: { identifiant: 'pascal.dupin' }
		});
	});

	it('refuses a link older than 72 hours with 410', async () => {
		const ctx = await testApp({ now: '2026-11-28T09:00:00Z' });
		const client = new TestClient(ctx.app);
		const jeton = await requestFor(ctx, client);
		ctx.clock.set('2026-12-01T08:59:00Z');
		expect((await client.get(`/api/accounts/activation?jeton=${jeton}`)).status).toBe(200);
		ctx.clock.set('2026-12-01T09:00:00Z');
		await expectError(await client.get(`/api/accounts/activation?jeton=${jeton}`), 410, {
			code: 'activation_link_invalid'
		});
		await expectError(await activate(client, jeton), 410, { code: 'activation_link_invalid' });
		expect(await ctx.db.selectFrom('account').select('id').execute()).toEqual([]);
	});

	it('works once: the same link used again is refused with 410 and makes no second account', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		const jeton = await requestFor(ctx, client);
		expect((await activate(client, jeton)).status).toBe(201);
		const again = new TestClient(ctx.app);
		await expectError(await activate(again, jeton, 'Hesdigneul62', { identifiant: 'autre.nom' }), 410, {
			code: 'activation_link_invalid'
		});
		await expectError(await again.get(`/api/accounts/activation?jeton=${jeton}`), 410);
		expect(await ctx.db.selectFrom('account').select('username').execute()).toEqual([
			{ username: 'pascal.dupin' }
		]);
	});

	it('refuses a username already taken with 409 on the identifiant field, and keeps the link', async () => {
		const ctx = await testApp();
		await registerCitizen(ctx, new TestClient(ctx.app));
		const claire = new TestClient(ctx.app);
		const jeton = await requestFor(ctx, claire, CLAIRE);
		await expectError(await activate(claire, jeton, 'Hesdigneul62', { identifiant: 'Pascal.Dupin' }), 409, {
			code: 'username_taken',
			fields: { identifiant: /^Cet identifiant est déjà utilisé/ }
		});
		expect((await activate(claire, jeton, 'Hesdigneul62', { identifiant: 'claire.martin' })).status).toBe(
			201
		);
	});

	it('refuses weak passwords, a bad username and a different confirmation, each on its field', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		const jeton = await requestFor(ctx, client);
		const composition = /^Le mot de passe doit contenir au moins 8 caractères/;
		const cases: [object, string, RegExp][] = [
			[{ motDePasse: 'Hesdigneul', confirmation: 'Hesdigneul' }, 'motDePasse', composition],
			[{ motDePasse: 'hesdigneul62', confirmation: 'hesdigneul62' }, 'motDePasse', composition],
			[{ motDePasse: 'Ab1cdef', confirmation: 'Ab1cdef' }, 'motDePasse', composition],
			[{ motDePasse: 'Azerty123', confirmation: 'Azerty123' }, 'motDePasse', /trop courant/],
			[{ motDePasse: 'Hesdigneul62', confirmation: 'Hesdigneul63' }, 'confirmation', /pas identiques/],
			[{ confirmation: '' }, 'confirmation', /^Ce champ est obligatoire\.$/],
			[{ identifiant: 'p' }, 'identifiant', /^De 3 à 40 caractères/],
			[{ identifiant: 'pascal dupin' }, 'identifiant', /^De 3 à 40 caractères/]
		];
		for (const [change, field, message] of cases) {
			await expectError(await activate(client, jeton, 'Hesdigneul62', change), 400, {
				code: 'invalid_fields',
				fields: { [field]: message }
			});
		}
		expect(client.cookies.size).toBe(0);
		expect((await client.get(`/api/accounts/activation?jeton=${jeton}`)).status).toBe(200);
	});

	it('accepts a passphrase and any character, and stores an Argon2id hash with m ≥ 19456, t ≥ 2, p = 1', async () => {
		const ctx = await testApp();
		const passphrase = 'le chêne près de l’école';
		const pascal = new TestClient(ctx.app);
		expect((await activate(pascal, await requestFor(ctx, pascal), passphrase)).status).toBe(201);

		const long = `Çà & là : «${'€ß!+@#$%^&*()'.repeat(10)}» 9`;
		expect([...long].length).toBeGreaterThan(128);
		const claire = new TestClient(ctx.app);
		const jeton = await requestFor(ctx, claire, CLAIRE);
		expect((await activate(claire, jeton, long, { identifiant: 'claire.martin' })).status).toBe(201);

		for (const [username, password] of [
			['pascal.dupin', passphrase],
			['claire.martin', long]
		] as const) {
			const hash = await storedHash(ctx, username);
			expect(hash).not.toContain(password);
			const [, m, t] = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/.exec(hash) ?? [];
			expect(Number(m)).toBeGreaterThanOrEqual(19456);
			expect(Number(t)).toBeGreaterThanOrEqual(2);
			expect((await login(new TestClient(ctx.app), username, password)).status).toBe(200);
		}
		// Unicode-normalised: the same passphrase typed with combining accents signs in too.
		expect((await login(new TestClient(ctx.app), 'pascal.dupin', passphrase.normalize('NFD'))).status).toBe(
			200
		);
	});

	it('answers the username check 20 times per link and 40 times per address in 15 minutes', async () => {
		const ctx = await testApp({ now: '2026-11-28T09:00:00Z' });
		await registerCitizen(ctx, new TestClient(ctx.app, { ip: '192.0.2.1' }));
		const home = new TestClient(ctx.app, { ip: '203.0.113.5' });
		const first = await requestFor(ctx, home, CLAIRE);
		const second = await requestFor(ctx, home, { ...CLAIRE, email: 'c.martin@example.org' });
		const check = (client: TestClient, jeton: string, name: string) =>
			client.get(`/api/accounts/activation/identifiant?jeton=${jeton}&identifiant=${name}`);
		for (let i = 0; i < 20; i++) expect((await check(home, first, `nom${i}`)).status).toBe(200);
		await expectError(await check(home, first, 'pascal.dupin'), 429, { code: 'too_many_attempts' });
		// The same link from another address is held too: its budget is the link's.
		await expectError(await check(new TestClient(ctx.app, { ip: '198.51.100.7' }), first, 'x.y'), 429);
		for (let i = 0; i < 20; i++) expect((await check(home, second, `nom${i}`)).status).toBe(200);
		// 40 from this address: even a fresh link is refused here, and dead links count too.
		const third = await requestFor(ctx, new TestClient(ctx.app, { ip: '198.51.100.8' }), {
			...CLAIRE,
			email: 'claire@example.net'
		});
		await expectError(await check(home, third, 'x.y'), 429);
		expect((await check(new TestClient(ctx.app, { ip: '198.51.100.8' }), third, 'pascal.dupin')).status).toBe(
			200
		);
		ctx.clock.set('2026-11-28T09:15:00Z');
		expect(await json(await check(home, first, 'pascal.dupin'))).toEqual({
			identifiant: 'pascal.dupin',
			disponible: false
		});
	});
});
