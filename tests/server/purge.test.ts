import { describe, expect, it } from 'vitest';
import { purgeExpired, startPurging } from '../../server/accounts/purge-expired.ts';
import type { Db } from '../../server/db/database.ts';
import { registerCitizen } from './support/accounts.ts';
import { TestClient } from './support/http-client.ts';
import { testApp } from './support/test-app.ts';

const NOW = '2026-11-28T09:00:00.000Z';
const shift = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
const real = (ms: number) => new Date(Date.now() + ms).toISOString();
const DAY = 86_400_000;

/** `n` rows of each kind that expired, and one of each still alive, for the account `accountId`. */
async function seed(db: Db, accountId: number, n: number) {
	const values = <T>(make: (i: number, dead: boolean) => T) => [
		...Array.from({ length: n }, (_, i) => make(i, true)),
		make(n, false)
	];
	await db
		.insertInto('session')
		.values(
			values((i, dead) => ({
				id: `s${i}`,
				account_id: accountId,
				created_at: shift(-40 * DAY),
				expires_at: shift(dead ? -1 : DAY),
				absolute_expires_at: shift(50 * DAY)
			}))
		)
		.execute();
	await db
		.insertInto('account_token')
		.values(
			values((i, dead) => ({
				token_hash: `t${i}`,
				purpose: 'password-reset' as const,
				account_id: accountId,
				new_email: null,
				expires_at: shift(dead ? -1 : 60_000),
				created_at: shift(-DAY)
			}))
		)
		.execute();
	await db
		.insertInto('account_request')
		.values(
			values((i, dead) => ({
				email: `r${i}@example.org`,
				identity_json: '{}',
				token_hash: `r${i}`,
				expires_at: shift(dead ? -1 : DAY),
				created_at: shift(-3 * DAY)
			}))
		)
		.execute();
	await db
		.insertInto('auth_failure')
		.values(
			values((i, dead) => ({
				account_key: `connexion:x${i}`,
				ip: '203.0.113.5',
				at: shift(dead ? -DAY - 1 : -DAY + 60_000)
			}))
		)
		.execute();
	await db
		.insertInto('captcha_spent')
		.values(values((i, dead) => ({ signature: `c${i}`, expires_at: real(dead ? -1000 : 60_000) })))
		.execute();
}

const TABLES = ['session', 'account_token', 'account_request', 'auth_failure', 'captcha_spent'] as const;
const counts = async (db: Db): Promise<Record<string, number>> =>
	Object.fromEntries(
		await Promise.all(TABLES.map(async (t) => [t, (await db.selectFrom(t).selectAll().execute()).length]))
	);

async function withAccount() {
	const ctx = await testApp({ now: NOW });
	await registerCitizen(ctx, new TestClient(ctx.app));
	await ctx.db.deleteFrom('session').execute();
	const { id } = await ctx.db.selectFrom('account').select('id').executeTakeFirstOrThrow();
	return { ctx, accountId: id };
}

describe('purging what has expired', () => {
	it('deletes expired sessions, links, registrations, old attempts and spent captchas, and nothing alive', async () => {
		const { ctx, accountId } = await withAccount();
		const before = await counts(ctx.db);
		await seed(ctx.db, accountId, 23);
		expect(await purgeExpired(ctx.db, ctx.clock, 7)).toBe(5 * 23);
		expect(await counts(ctx.db)).toEqual(Object.fromEntries(TABLES.map((t) => [t, (before[t] ?? 0) + 1])));
	});

	it('works in bounded steps, giving the event loop a turn between them', async () => {
		const { ctx, accountId } = await withAccount();
		const before = await counts(ctx.db);
		await seed(ctx.db, accountId, 1000);
		let turns = 0;
		let longest = 0;
		let last = performance.now();
		let purging = true;
		const tick = () => {
			const now = performance.now();
			longest = Math.max(longest, now - last);
			last = now;
			turns++;
			if (purging) setImmediate(tick);
		};
		setImmediate(tick);
		await purgeExpired(ctx.db, ctx.clock, 100);
		purging = false;
		// 5 tables × 10 steps of 100 (and one more that finds nothing): a turn after each.
		expect(turns).toBeGreaterThanOrEqual(50);
		expect(longest).toBeLessThan(100);
		expect(await counts(ctx.db)).toEqual(Object.fromEntries(TABLES.map((t) => [t, (before[t] ?? 0) + 1])));
	});

	it('runs at start, then on a timer, until stopped', async () => {
		const { ctx, accountId } = await withAccount();
		await seed(ctx.db, accountId, 3);
		const purging = startPurging(ctx.db, ctx.clock, 30);
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect((await counts(ctx.db)).session).toBe(1);
		await ctx.db
			.insertInto('session')
			.values({
				id: 'later',
				account_id: accountId,
				created_at: NOW,
				expires_at: shift(-1),
				absolute_expires_at: NOW
			})
			.execute();
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect((await counts(ctx.db)).session).toBe(1);
		await purging.stop();
		await ctx.db
			.insertInto('session')
			.values({
				id: 'after-stop',
				account_id: accountId,
				created_at: NOW,
				expires_at: shift(-1),
				absolute_expires_at: NOW
			})
			.execute();
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect((await counts(ctx.db)).session).toBe(2);
	});
});
