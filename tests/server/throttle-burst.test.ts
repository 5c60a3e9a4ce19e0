import { describe, expect, it, vi } from 'vitest';
import { login, registerCitizen } from './support/accounts.ts';
import { TestClient } from './support/http-client.ts';
import { testApp } from './support/test-app.ts';

// Every password check made by the server is counted (the real check still runs).
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../server/accounts/password-hash.ts', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../server/accounts/password-hash.ts')>();
	return {
		...real,
		verifyPassword: (hash: string, password: string) => (checks.count++, real.verifyPassword(hash, password)),
		verifyAgainstDecoy: (password: string) => (checks.count++, real.verifyAgainstDecoy(password))
	};
});

async function withPascal() {
	const ctx = await testApp();
	await registerCitizen(ctx, new TestClient(ctx.app, { ip: '192.0.2.1' }));
	checks.count = 0;
	return ctx;
}

describe('a burst of parallel sign-ins from one address', () => {
	for (const size of [50, 300]) {
		it(`of ${size} wrong passwords checks at most 10, and refuses the right one inside it`, async () => {
			const ctx = await withPascal();
			const attacker = new TestClient(ctx.app, { ip: '203.0.113.5' });
			const right = Math.floor(size / 2);
			const answers = await Promise.all(
				Array.from({ length: size }, (_, i) =>
					login(attacker, 'pascal.dupin', i === right ? 'Hesdigneul62' : `Mauvais${i}`)
				)
			);
			expect(checks.count).toBeLessThanOrEqual(10);
			const statuses = answers.map((res) => res.status);
			expect(statuses.filter((s) => s === 401)).toHaveLength(10);
			expect(statuses.filter((s) => s === 429)).toHaveLength(size - 10);
			expect(statuses[right]).toBe(429);
			expect(attacker.cookies.size).toBe(0);
		});
	}

	it('on many identifiers checks at most 30 passwords', async () => {
		const ctx = await withPascal();
		const attacker = new TestClient(ctx.app, { ip: '203.0.113.6' });
		const answers = await Promise.all(
			Array.from({ length: 200 }, (_, i) => login(attacker, `inconnu${i}`, `Mauvais${i}`))
		);
		expect(checks.count).toBeLessThanOrEqual(30);
		expect(answers.filter((res) => res.status === 401)).toHaveLength(30);
		// Pascal, elsewhere, is not held up by it.
		expect((await login(new TestClient(ctx.app, { ip: '198.51.100.7' }), 'pascal.dupin')).status).toBe(200);
	});
});
