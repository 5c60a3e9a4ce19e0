import { describe, expect, it, vi } from 'vitest';
import {
	activationToken,
	CLAIRE,
	mailsTo,
	PASCAL,
	registerCitizen,
	solvedCaptcha
} from './support/accounts.ts';
import { expectError } from './support/expect.ts';
import { TestClient } from './support/http-client.ts';
import { tokenFrom } from './support/mailbox.ts';
import { testApp, type TestCtx } from './support/test-app.ts';

// Every Argon2 hash the server makes is counted (the real hash still runs).
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../server/accounts/password-hash.ts', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../server/accounts/password-hash.ts')>();
	return { ...real, hashPassword: (password: string) => (hashes.count++, real.hashPassword(password)) };
});

const dead = 'b'.repeat(52);
const set = (client: TestClient, path: string, jeton: string, extra: object = {}) =>
	client.post(path, { jeton, motDePasse: 'Nouveau2027', confirmation: 'Nouveau2027', ...extra });

/** A pending registration of Claire, with its link; Pascal has an account. */
async function withLinks(): Promise<{ ctx: TestCtx; activation: string; reset: string }> {
	const ctx = await testApp();
	await registerCitizen(ctx, new TestClient(ctx.app, { ip: '192.0.2.1' }));
	const claire = new TestClient(ctx.app, { ip: '192.0.2.2' });
	await claire.post('/api/accounts/registrations', {
		identity: CLAIRE,
		captcha: await solvedCaptcha(claire)
	});
	await claire.post('/api/accounts/recovery', { perdu: 'mot-de-passe', identifiant: 'pascal.dupin' });
	const resetMail = (await mailsTo(ctx, PASCAL.email)).find((m) => m.subject.startsWith('Réinit'));
	hashes.count = 0;
	return {
		ctx,
		activation: await activationToken(ctx, CLAIRE.email),
		reset: tokenFrom(resetMail, '/mot-de-passe/nouveau')
	};
}

describe('setting a password through a link', () => {
	it('checks the link (and the username) before hashing: a refusal costs no hash', async () => {
		const { ctx } = await withLinks();
		const client = new TestClient(ctx.app, { ip: '203.0.113.5' });
		await expectError(await set(client, '/api/accounts/password-reset', dead), 410, {
			code: 'reset_link_invalid'
		});
		await expectError(await set(client, '/api/accounts/activation', dead, { identifiant: 'x.y' }), 410, {
			code: 'activation_link_invalid'
		});
		expect(hashes.count).toBe(0);
	});

	it('refuses a taken username before hashing, and keeps the link', async () => {
		const { ctx, activation } = await withLinks();
		const claire = new TestClient(ctx.app, { ip: '192.0.2.2' });
		await expectError(
			await set(claire, '/api/accounts/activation', activation, { identifiant: 'pascal.dupin' }),
			409,
			{
				code: 'username_taken'
			}
		);
		expect(hashes.count).toBe(0);
		expect(
			(await set(claire, '/api/accounts/activation', activation, { identifiant: 'claire.martin' })).status
		).toBe(201);
		expect(hashes.count).toBe(1);
	});

	it('allows 10 tries per address in 15 minutes, counting dead links', async () => {
		const { ctx, reset } = await withLinks();
		const prober = new TestClient(ctx.app, { ip: '203.0.113.6' });
		for (let i = 0; i < 10; i++) {
			const path = i % 2 ? '/api/accounts/password-reset' : '/api/accounts/activation';
			expect(
				(await set(prober, path, `${'c'.repeat(51)}${'abcdefghij'[i]}`, { identifiant: 'x.y' })).status
			).toBe(410);
		}
		await expectError(await set(prober, '/api/accounts/password-reset', reset), 429, {
			code: 'too_many_attempts'
		});
		expect(hashes.count).toBe(0);
		// The owner of the link, at home, is not blocked.
		expect(
			(await set(new TestClient(ctx.app, { ip: '198.51.100.7' }), '/api/accounts/password-reset', reset))
				.status
		).toBe(200);
	});

	it('hashes at most 5 times for one link, even in a burst from many addresses', async () => {
		const { ctx, reset } = await withLinks();
		const answers = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				set(new TestClient(ctx.app, { ip: `203.0.113.${100 + i}` }), '/api/accounts/password-reset', reset)
			)
		);
		expect(hashes.count).toBeLessThanOrEqual(5);
		const statuses = answers.map((res) => res.status);
		expect(statuses.filter((s) => s === 200)).toHaveLength(1);
		expect(statuses.filter((s) => s === 429)).toHaveLength(35);
	});
});
