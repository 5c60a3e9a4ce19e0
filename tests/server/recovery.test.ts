import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RecoveryInput } from '../../src/lib/domain/accounts/account-forms.ts';
import { login, mailsTo, PASCAL, registerCitizen, solvedCaptcha } from './support/accounts.ts';
import { expectError } from './support/expect.ts';
import { json, TestClient } from './support/http-client.ts';
import { tokenFrom } from './support/mailbox.ts';
import { testApp, type TestCtx } from './support/test-app.ts';

const START = '2026-11-28T09:00:00Z';
const minutesLater = (m: number) => new Date(Date.parse(START) + m * 60_000).toISOString();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function withPascal(): Promise<TestCtx> {
	const ctx = await testApp({ now: START });
	await registerCitizen(ctx, new TestClient(ctx.app, { ip: '192.0.2.1' }));
	await ctx.mail.drain();
	return ctx;
}

const recover = (client: TestClient, input: RecoveryInput) => client.post('/api/accounts/recovery', input);

/** The reset token of the last "Réinitialisation" mail. */
async function resetToken(ctx: TestCtx): Promise<string> {
	const mails = (await mailsTo(ctx, 'dupin@example.com')).filter((m) => m.subject.startsWith('Réinit'));
	return tokenFrom(mails.at(-1), '/mot-de-passe/nouveau');
}

const reset = (client: TestClient, jeton: string, motDePasse = 'Nouveau2027', confirmation = motDePasse) =>
	client.post('/api/accounts/password-reset', { jeton, motDePasse, confirmation });

describe('lost username', () => {
	it('e-mails the username to the address of the account', async () => {
		const ctx = await withPascal();
		const before = (await mailsTo(ctx)).length;
		const res = await recover(new TestClient(ctx.app), {
			perdu: 'identifiant',
			courriel: ' Dupin@Example.com '
		});
		expect(res.status).toBe(202);
		expect(await res.json()).toEqual({ status: 'sent' });
		const mails = (await mailsTo(ctx)).slice(before);
		expect(mails.map((m) => m.to)).toEqual(['dupin@example.com']);
		expect(mails[0]?.subject).toMatch(/^Votre identifiant de connexion/);
		expect(mails[0]?.text).toContain('Votre identifiant de connexion au portail citoyen est : pascal.dupin');
	});
});

describe('lost password', () => {
	it('mails a reset link when asked by e-mail or by username, storing only its hash', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		for (const input of [
			{ perdu: 'mot-de-passe', courriel: 'DUPIN@example.com' },
			{ perdu: 'mot-de-passe', identifiant: 'Pascal.Dupin' },
			// As the form sends it: both fields, the unused one empty.
			{ perdu: 'mot-de-passe', courriel: '', identifiant: 'pascal.dupin' },
			{ perdu: 'mot-de-passe', courriel: 'dupin@example.com', identifiant: '' }
		] as const) {
			expect((await recover(client, input)).status).toBe(202);
			const jeton = await resetToken(ctx);
			expect(await json(await client.get(`/api/accounts/password-reset?jeton=${jeton}`))).toEqual({
				identifiant: 'pascal.dupin',
				usage: 'password-reset'
			});
			const stored = await ctx.db.selectFrom('account_token').select('token_hash').execute();
			expect(stored.map((t) => t.token_hash)).toContain(sha256(jeton));
		}
		expect(JSON.stringify(await ctx.db.selectFrom('account_token').selectAll().execute())).not.toContain(
			await resetToken(ctx)
		);
	});

	it('answers exactly the same for an unknown account, and sends nothing', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		const pairs: [RecoveryInput, RecoveryInput][] = [
			[
				{ perdu: 'identifiant', courriel: 'dupin@example.com' },
				{ perdu: 'identifiant', courriel: 'personne@example.com' }
			],
			[
				{ perdu: 'mot-de-passe', courriel: 'dupin@example.com' },
				{ perdu: 'mot-de-passe', courriel: 'personne@example.com' }
			],
			[
				{ perdu: 'mot-de-passe', identifiant: 'pascal.dupin' },
				{ perdu: 'mot-de-passe', identifiant: 'personne.inconnue' }
			]
		];
		for (const [known, unknown] of pairs) {
			const [a, b] = [await recover(client, known), await recover(client, unknown)];
			expect([b.status, await b.text()]).toEqual([a.status, await a.text()]);
			expect(b.headers.getSetCookie()).toEqual(a.headers.getSetCookie());
		}
		expect((await mailsTo(ctx)).filter((m) => m.to === 'personne@example.com')).toEqual([]);
		expect((await mailsTo(ctx, 'dupin@example.com')).length).toBe(1 + 3); // activation + 3 answers
	});

	it('refuses an incomplete request with French messages on its fields', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		await expectError(await client.post('/api/accounts/recovery', { perdu: 'mot-de-passe' }), 400, {
			fields: { courriel: 'Indiquez votre courriel ou votre nom d’utilisateur.' }
		});
		await expectError(await recover(client, { perdu: 'identifiant', courriel: 'dupin' }), 400, {
			fields: { courriel: /^Adresse électronique invalide/ }
		});
		await expectError(await client.post('/api/accounts/recovery', {}), 400, {
			fields: { perdu: /^Choisissez/ }
		});
	});

	it('sets the new password with a single-use link and ends every other session of the account', async () => {
		const ctx = await withPascal();
		const phone = new TestClient(ctx.app);
		expect((await login(phone, 'pascal.dupin')).status).toBe(200);

		const computer = new TestClient(ctx.app);
		await recover(computer, { perdu: 'mot-de-passe', identifiant: 'pascal.dupin' });
		const older = await resetToken(ctx);
		await recover(computer, { perdu: 'mot-de-passe', courriel: 'dupin@example.com' });
		const jeton = await resetToken(ctx);

		const res = await reset(computer, jeton);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ account: { identifiant: 'pascal.dupin' } });
		expect((await computer.get('/api/profile')).status).toBe(200);
		await expectError(await phone.get('/api/profile'), 401, { code: 'unauthenticated' });

		await expectError(await login(new TestClient(ctx.app), 'pascal.dupin', 'Hesdigneul62'), 401);
		expect((await login(new TestClient(ctx.app), 'pascal.dupin', 'Nouveau2027')).status).toBe(200);

		for (const spent of [jeton, older]) {
			await expectError(await reset(new TestClient(ctx.app), spent, 'Encore2028'), 410, {
				code: 'reset_link_invalid'
			});
			await expectError(await computer.get(`/api/accounts/password-reset?jeton=${spent}`), 410);
		}
	});

	it('refuses a weak new password on its field and keeps the link usable', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		await recover(client, { perdu: 'mot-de-passe', identifiant: 'pascal.dupin' });
		const jeton = await resetToken(ctx);
		await expectError(await reset(client, jeton, 'Azerty123'), 400, {
			fields: { motDePasse: /trop courant/ }
		});
		await expectError(await reset(client, jeton, 'Nouveau2027', 'Nouveau2028'), 400, {
			fields: { confirmation: /pas identiques/ }
		});
		expect((await reset(client, jeton)).status).toBe(200);
	});

	it('expires the link after one hour', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app);
		await recover(client, { perdu: 'mot-de-passe', identifiant: 'pascal.dupin' });
		const jeton = await resetToken(ctx);
		ctx.clock.set(minutesLater(59));
		expect((await client.get(`/api/accounts/password-reset?jeton=${jeton}`)).status).toBe(200);
		ctx.clock.set(minutesLater(60));
		await expectError(await client.get(`/api/accounts/password-reset?jeton=${jeton}`), 410, {
			code: 'reset_link_invalid'
		});
		await expectError(await reset(client, jeton), 410);
		expect((await login(new TestClient(ctx.app), 'pascal.dupin', 'Hesdigneul62')).status).toBe(200);
	});
});

describe('rate limits on requests that send e-mails', () => {
	it('accepts 10 recovery requests per address in 15 minutes, then answers 429', async () => {
		const ctx = await withPascal();
		const client = new TestClient(ctx.app, { ip: '203.0.113.5' });
		for (let i = 0; i < 10; i++) {
			expect((await recover(client, { perdu: 'identifiant', courriel: `x${i}@example.com` })).status).toBe(
				202
			);
		}
		const refused = await recover(client, { perdu: 'identifiant', courriel: 'dupin@example.com' });
		expect(Number(refused.headers.get('retry-after'))).toBe(900);
		await expectError(refused, 429, { code: 'too_many_attempts', message: /réessayez à partir de 10:15\.$/ });
		const other = new TestClient(ctx.app, { ip: '198.51.100.7' });
		expect((await recover(other, { perdu: 'identifiant', courriel: 'dupin@example.com' })).status).toBe(202);
		ctx.clock.set(minutesLater(15));
		expect((await recover(client, { perdu: 'identifiant', courriel: 'dupin@example.com' })).status).toBe(202);
	});

	it('accepts 10 registration requests per address in 15 minutes, then answers 429', async () => {
		const ctx = await testApp({ now: START });
		const client = new TestClient(ctx.app, { ip: '203.0.113.5' });
		for (let i = 0; i < 10; i++) {
			const res = await client.post('/api/accounts/registrations', { identity: PASCAL, captcha: 'x' });
			await expectError(res, 400, { code: 'captcha_failed' });
		}
		const valid = async (c: TestClient) =>
			c.post('/api/accounts/registrations', { identity: PASCAL, captcha: await solvedCaptcha(c) });
		await expectError(await valid(client), 429, { code: 'too_many_attempts' });
		expect((await valid(new TestClient(ctx.app, { ip: '198.51.100.7' }))).status).toBe(202);
		ctx.clock.set(minutesLater(15));
		expect((await valid(client)).status).toBe(202);
	});

	it('sends an account at most 3 recovery e-mails an hour, whatever the addresses, answering the same', async () => {
		const ctx = await withPascal();
		const resets = async () =>
			(await mailsTo(ctx, 'dupin@example.com')).filter((m) => !m.subject.startsWith('Activez'));
		const answers: string[] = [];
		for (let i = 0; i < 5; i++) {
			const client = new TestClient(ctx.app, { ip: `203.0.113.${20 + i}` });
			const input =
				i % 2
					? { perdu: 'identifiant' as const, courriel: 'dupin@example.com' }
					: { perdu: 'mot-de-passe' as const, identifiant: 'pascal.dupin' };
			const res = await recover(client, input);
			answers.push(`${res.status} ${await res.text()}`);
		}
		expect(new Set(answers)).toEqual(new Set(['202 {"status":"sent"}']));
		expect(await resets()).toHaveLength(3);
		expect(await ctx.db.selectFrom('account_token').select('token_hash').execute()).toHaveLength(2);
		ctx.clock.set(minutesLater(60));
		expect(
			(await recover(new TestClient(ctx.app), { perdu: 'mot-de-passe', identifiant: 'pascal.dupin' })).status
		).toBe(202);
		expect(await resets()).toHaveLength(4);
	});
});
