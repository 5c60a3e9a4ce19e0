import { describe, expect, it } from 'vitest';
import { CLAIRE, login, registerCitizen } from './support/accounts.ts';
import { TestClient } from './support/http-client.ts';
import { testApp, type TestCtx } from './support/test-app.ts';

const START = '2026-11-28T09:00:00Z';
const DEVICE = 'portail_appareil';

/** A portal with Pascal's account; `home` is his browser, which signed in once. */
async function withPascalAtHome() {
	const ctx = await testApp({ now: START });
	await registerCitizen(ctx, new TestClient(ctx.app, { ip: '192.0.2.1' }));
	const home = new TestClient(ctx.app, { ip: '192.0.2.1' });
	expect((await login(home, 'pascal.dupin')).status).toBe(200);
	expect(home.cookies.get(DEVICE)).toMatch(/^\d+\.[a-z2-7]{52}\.\d+\.[\w-]{43}$/);
	await home.post('/api/auth/logout', {});
	return { ctx, home };
}

/** `addresses` strangers, each guessing `identifiant` `each` times: their statuses in order. */
async function guesses(ctx: TestCtx, identifiant: string, addresses: number, each: number) {
	const seen: number[] = [];
	for (let a = 0; a < addresses; a++) {
		const stranger = new TestClient(ctx.app, { ip: `203.0.113.${a + 1}` });
		for (let i = 0; i < each; i++) seen.push((await login(stranger, identifiant, `Mauvais${a}-${i}`)).status);
	}
	return seen;
}

describe('guesses at one account from many addresses', () => {
	it('are stopped after 20, while the owner’s browser still signs in', async () => {
		const { ctx, home } = await withPascalAtHome();
		const seen = await guesses(ctx, 'pascal.dupin', 50, 2);
		expect(seen.slice(0, 20)).toEqual(Array(20).fill(401));
		expect(seen.slice(20)).toEqual(Array(80).fill(429));
		// A browser that never signed in to the account waits, even with the right password…
		expect((await login(new TestClient(ctx.app, { ip: '198.51.100.9' }), 'pascal.dupin')).status).toBe(429);
		// …but Pascal's own browser signs in, by his username or his e-mail, from home or elsewhere.
		expect((await login(home, 'pascal.dupin')).status).toBe(200);
		expect((await login(home, 'dupin@example.com')).status).toBe(200);
		const away = new TestClient(ctx.app, { ip: '198.51.100.10' });
		away.cookies = new Map(home.cookies);
		expect((await login(away, 'pascal.dupin')).status).toBe(200);
	});

	it('count a username and an e-mail apart: one stopped tells nothing of the other', async () => {
		const { ctx } = await withPascalAtHome();
		await guesses(ctx, 'pascal.dupin', 25, 1);
		const elsewhere = new TestClient(ctx.app, { ip: '198.51.100.11' });
		expect((await login(elsewhere, 'dupin@example.com', 'Mauvais')).status).toBe(401);
		expect((await login(elsewhere, 'dupin@example.com')).status).toBe(200);
	});

	it('give nothing to a forged device cookie, nor to another account’s', async () => {
		const { ctx, home } = await withPascalAtHome();
		const genuine = home.cookies.get(DEVICE) ?? '';
		// Claire's browser has a device cookie of its own, for Claire's account.
		await registerCitizen(ctx, new TestClient(ctx.app, { ip: '192.0.2.2' }), CLAIRE);
		const claire = new TestClient(ctx.app, { ip: '192.0.2.2' });
		expect((await login(claire, 'claire.martin', 'Hesdigneul62')).status).toBe(200);
		const claireDevice = claire.cookies.get(DEVICE) ?? '';
		expect(claireDevice).not.toBe('');
		await guesses(ctx, 'pascal.dupin', 20, 1);

		const [accountId, id, issuedAt, signature] = genuine.split('.');
		const clairesId = claireDevice.split('.')[0];
		const forged = [
			claireDevice, // signed, but for another account
			`${accountId}.${id}.${issuedAt}.${'A'.repeat(43)}`, // signature made up
			`${clairesId}.${id}.${issuedAt}.${signature}`, // another account named
			`${accountId}.${'a'.repeat(52)}.${issuedAt}.${signature}`, // another device named
			`${accountId}.${id}.${Number(issuedAt) + 1}.${signature}`, // another date
			'nimporte-quoi'
		];
		for (const cookie of forged) {
			const browser = new TestClient(ctx.app, { ip: '198.51.100.12' });
			browser.cookies.set(DEVICE, cookie);
			expect((await login(browser, 'pascal.dupin')).status, cookie).toBe(429);
		}
		// And a year after it was given, the genuine one is worth nothing either.
		ctx.clock.set(new Date(Date.parse(START) + 366 * 86_400_000).toISOString());
		await guesses(ctx, 'pascal.dupin', 20, 1);
		expect((await login(home, 'pascal.dupin')).status).toBe(429);
	});

	it('from the owner’s browser, are counted by the device: 10 from one address, then it waits', async () => {
		const { ctx, home } = await withPascalAtHome();
		for (let i = 0; i < 10; i++) expect((await login(home, 'pascal.dupin', `Mauvais${i}`)).status).toBe(401);
		expect((await login(home, 'pascal.dupin')).status).toBe(429);
		// The identifier's own budget was not touched: another browser still signs in.
		expect((await login(new TestClient(ctx.app, { ip: '198.51.100.13' }), 'pascal.dupin')).status).toBe(200);
	});
});

describe('IPv6 addresses', () => {
	it('share one address’s budget within a /64, not beyond', async () => {
		const { ctx } = await withPascalAtHome();
		for (let i = 1; i <= 10; i++) {
			const host = new TestClient(ctx.app, { ip: `2001:db8:1:2::${i.toString(16)}` });
			expect((await login(host, 'pascal.dupin', `Mauvais${i}`)).status).toBe(401);
		}
		const sameHost = new TestClient(ctx.app, { ip: '2001:db8:1:2:ffff:ffff:ffff:ffff' });
		expect((await login(sameHost, 'pascal.dupin')).status).toBe(429);
		const neighbour = new TestClient(ctx.app, { ip: '2001:db8:1:3::1' });
		expect((await login(neighbour, 'pascal.dupin')).status).toBe(200);
	});
});
