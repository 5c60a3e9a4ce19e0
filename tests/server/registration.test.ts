import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	activationToken,
	CLAIRE,
	mailsTo,
	PASCAL,
	registerCitizen,
	solvedCaptcha
} from './support/accounts.ts';
import { todayInParis } from '../../src/lib/site/dates.ts';
import { expectError } from './support/expect.ts';
import { json, TestClient } from './support/http-client.ts';
import { tokenFrom } from './support/mailbox.ts';
import { testApp, type TestCtx } from './support/test-app.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function register(client: TestClient, identity: object, captcha?: string) {
	return client.post('/api/accounts/registrations', {
		identity,
		captcha: captcha ?? (await solvedCaptcha(client))
	});
}

/** The pending requests, once what follows the answers (keeping them, e-mailing) is done. */
async function requests(ctx: TestCtx) {
	await ctx.mail.drain();
	return ctx.db.selectFrom('account_request').selectAll().execute();
}

describe('POST /api/accounts/registrations', () => {
	it('keeps the request and e-mails an activation link, storing only the SHA-256 of its token', async () => {
		const ctx = await testApp({ now: '2026-11-28T09:00:00Z' });
		const res = await register(new TestClient(ctx.app), PASCAL);
		expect(res.status).toBe(202);
		expect(await res.json()).toEqual({ status: 'sent' });

		const [mail, ...others] = await mailsTo(ctx);
		expect(others).toEqual([]);
		expect(mail?.to).toBe('dupin@example.com');
		expect(mail?.subject).toBe('Activez votre compte citoyen — Ville de Hesdigneul-lès-Boulogne');
		expect(mail?.text).toContain('Bonjour Pascal,');
		expect(mail?.text).toContain('http://localhost/activation?jeton=');
		const token = tokenFrom(mail, '/activation');
		expect(token).toMatch(/^[a-z2-7]{52}$/); // 256 random bits in base32

		const [row, ...more] = await requests(ctx);
		expect(more).toEqual([]);
		expect(row?.token_hash).toBe(sha256(token));
		expect(JSON.stringify(row)).not.toContain(token);
		expect(row?.expires_at).toBe('2026-12-01T09:00:00.000Z');
	});

	it('refuses each bad field with a French message on that field, and sends nothing', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		const captcha = await solvedCaptcha(client);
		const cases: [Record<string, unknown>, string, RegExp][] = [
			[{ nomNaissance: undefined }, 'nomNaissance', /^Ce champ est obligatoire\.$/],
			[{ nomNaissance: '   ' }, 'nomNaissance', /^Ce champ est obligatoire\.$/],
			[{ email: 'dupin-at-example.com' }, 'email', /^Adresse électronique invalide/],
			[{ dateNaissance: { jour: '31', mois: '02', annee: '1971' } }, 'dateNaissance', /^Date invalide/],
			[
				{ departementNaissance: undefined },
				'departementNaissance',
				/^Obligatoire pour une naissance en France/
			],
			[{ civilite: 'Maître' }, 'civilite', /^Choisissez Monsieur ou Madame\.$/]
		];
		for (const [change, field, message] of cases) {
			const res = await register(client, { ...PASCAL, ...change }, captcha);
			await expectError(res, 400, { code: 'invalid_fields', fields: { [field]: message } });
		}
		expect(await mailsTo(ctx)).toEqual([]);
		expect(await requests(ctx)).toEqual([]);
		// The captcha was not spent by the refused attempts: the corrected form goes through with it.
		expect((await register(client, PASCAL, captcha)).status).toBe(202);
	});

	it('judges "born in the future" by the server clock, not the computer’s', async () => {
		const ctx = await testApp({ now: '2020-03-01T10:00:00Z' });
		const client = new TestClient(ctx.app);
		const tomorrow = { ...PASCAL, dateNaissance: { jour: '02', mois: '03', annee: '2020' } };
		await expectError(await register(client, tomorrow), 400, {
			fields: { dateNaissance: 'La date de naissance doit être passée.' }
		});
		const leapDay = { ...PASCAL, dateNaissance: { jour: '29', mois: '02', annee: '2020' } };
		expect((await register(client, leapDay)).status).toBe(202);
	});

	it('takes "today" in Paris, as the browser’s form does, not the UTC date', async () => {
		// 23:30 UTC on 1 March is 00:30 on 2 March in Paris: a child born that day is born.
		const ctx = await testApp({ now: '2020-03-01T23:30:00Z' });
		const client = new TestClient(ctx.app);
		const born = { ...PASCAL, dateNaissance: { jour: '02', mois: '03', annee: '2020' } };
		expect(todayInParis(ctx.clock.now())).toBe('2020-03-02');
		expect((await register(client, born)).status).toBe(202);
		const tomorrow = { ...PASCAL, dateNaissance: { jour: '03', mois: '03', annee: '2020' } };
		await expectError(await register(client, tomorrow), 400, {
			fields: { dateNaissance: 'La date de naissance doit être passée.' }
		});
	});

	it('says a year before 1900 is to check', async () => {
		const ctx = await testApp();
		const old = { ...PASCAL, dateNaissance: { jour: '01', mois: '01', annee: '1800' } };
		await expectError(await register(new TestClient(ctx.app), old), 400, {
			fields: { dateNaissance: 'Année de naissance à vérifier : elle ne peut pas être avant 1900.' }
		});
	});

	it('refuses a missing, garbled or forged captcha on the captcha field', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		type Payload = { challenge: { parameters: { expiresAt: number } }; solution: { derivedKey: string } };
		const payload = async (change: (p: Payload) => void) => {
			const solved = JSON.parse(Buffer.from(await solvedCaptcha(client), 'base64').toString()) as Payload;
			change(solved);
			return Buffer.from(JSON.stringify(solved)).toString('base64');
		};
		const wrongKey = await payload((p) => {
			p.solution.derivedKey = p.solution.derivedKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
		});
		const longerLife = await payload((p) => {
			p.challenge.parameters.expiresAt += 3600;
		});
		const garbled = Buffer.from('{"a":1}').toString('base64');
		for (const captcha of [undefined, '', 'pas-un-captcha', garbled, wrongKey, longerLife]) {
			await expectError(
				await client.post('/api/accounts/registrations', { identity: PASCAL, captcha }),
				400,
				{
					code: 'captcha_failed',
					fields: { captcha: /^La vérification anti-robot a échoué/ }
				}
			);
		}
		expect(await requests(ctx)).toEqual([]);
	});

	it('refuses every malformed captcha in French, whatever its type or what its base64 holds', async () => {
		const ctx = await testApp();
		const solved = JSON.parse(
			Buffer.from(await solvedCaptcha(new TestClient(ctx.app)), 'base64').toString()
		) as { challenge: { parameters: Record<string, unknown> }; solution: unknown };
		const real = (change: (p: typeof solved) => unknown) => change(structuredClone(solved));
		const base64 = (value: unknown) =>
			Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');
		const held = [
			'null',
			'0',
			'-1e309',
			'true',
			'"texte"',
			'[]',
			'[1,2,3]',
			'{}',
			'[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
			{ challenge: null, solution: null },
			{ challenge: {}, solution: {} },
			{ challenge: 'x', solution: 'y' },
			{ challenge: { parameters: null }, solution: { counter: 1, derivedKey: '00' } },
			{ challenge: { parameters: [] }, solution: { counter: 1, derivedKey: '00' } },
			real((p) => ({ ...p, solution: null })),
			real((p) => ({ ...p, solution: { counter: '12', derivedKey: 42 } })),
			real((p) => ({
				...p,
				challenge: { ...p.challenge, parameters: { ...p.challenge.parameters, nonce: {} } }
			})),
			real((p) => ({ ...p, challenge: { ...p.challenge, signature: 12 } })),
			real((p) => ({
				...p,
				challenge: { ...p.challenge, parameters: { ...p.challenge.parameters, cost: 'x' } }
			})),
			real((p) => [p])
		].map(base64);
		const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256)).toString('base64');
		const values: unknown[] = [
			null,
			0,
			42,
			-1.5,
			true,
			[],
			['x'],
			{},
			{ challenge: {} },
			bytes,
			'A'.repeat(3999)
		];
		let n = 0;
		for (const captcha of [...values, ...held]) {
			// A new address each time: registration's budget is per address.
			const client = new TestClient(ctx.app, { ip: `198.51.100.${++n}` });
			const res = await client.post('/api/accounts/registrations', { identity: PASCAL, captcha });
			await expectError(res, 400, {
				code: 'captcha_failed',
				fields: { captcha: /^La vérification anti-robot a échoué/ }
			});
		}
		expect(await requests(ctx)).toEqual([]);
		expect(await mailsTo(ctx)).toEqual([]);
	});

	it('takes from an address’s budget of 10 only requests whose form is right: typos cost nothing', async () => {
		const ctx = await testApp();
		const typo = { ...PASCAL, email: 'dupin-at-example.com' };
		const family = new TestClient(ctx.app, { ip: '198.51.100.20' });
		for (let i = 0; i < 12; i++)
			await expectError(await register(family, typo), 400, { code: 'invalid_fields' });
		expect((await register(family, PASCAL)).status).toBe(202);
		// A right form with a wrong captcha is counted: the budget is taken before the captcha's check.
		const robot = new TestClient(ctx.app, { ip: '198.51.100.21' });
		for (let i = 0; i < 10; i++) {
			await expectError(await register(robot, CLAIRE, 'pas-un-captcha'), 400, { code: 'captcha_failed' });
		}
		await expectError(await register(robot, CLAIRE), 429, { code: 'too_many_attempts' });
		await expectError(await register(robot, typo), 400, { code: 'invalid_fields' });
	});

	it('accepts a solved captcha only once', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		const captcha = await solvedCaptcha(client);
		expect((await register(client, PASCAL, captcha)).status).toBe(202);
		await expectError(await register(client, CLAIRE, captcha), 400, { fields: { captcha: true } });
		expect((await requests(ctx)).map((r) => r.email)).toEqual(['dupin@example.com']);
	});

	it('replaces the link when the same e-mail asks again: the old one is refused, the new one works', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		expect((await register(client, PASCAL)).status).toBe(202);
		const first = await activationToken(ctx, PASCAL.email);
		expect((await register(client, { ...PASCAL, prenom: 'Pascale', civilite: 'Madame' })).status).toBe(202);
		const second = await activationToken(ctx, PASCAL.email);
		expect(second).not.toBe(first);

		await expectError(await client.get(`/api/accounts/activation?jeton=${first}`), 410, {
			code: 'activation_link_invalid'
		});
		const info = await client.get(`/api/accounts/activation?jeton=${second}`);
		expect(await json(info)).toMatchObject({ prenom: 'Pascale', identifiant: 'pascale.dupin' });
		expect(await requests(ctx)).toHaveLength(1);
	});

	it('answers the same for an address that already has an account, and reminds its owner instead', async () => {
		const ctx = await testApp();
		await registerCitizen(ctx, new TestClient(ctx.app));
		const before = (await mailsTo(ctx)).length;

		const stranger = new TestClient(ctx.app);
		const res = await register(stranger, { ...CLAIRE, email: 'Dupin@Example.COM' });
		expect(res.status).toBe(202);
		expect(await res.json()).toEqual({ status: 'sent' });

		const mails = (await mailsTo(ctx)).slice(before);
		expect(mails).toHaveLength(1);
		expect(mails[0]?.to).toBe('dupin@example.com');
		expect(mails[0]?.subject).toMatch(/^Vous avez déjà un compte citoyen/);
		expect(mails[0]?.text).toContain('Votre identifiant de connexion est : pascal.dupin');
		expect(mails[0]?.text).not.toContain('jeton=');
		// Stored as a new address's request would be (the same write after the answer), but its
		// link went to nobody.
		expect((await requests(ctx)).map((r) => r.email)).toEqual(['dupin@example.com']);
	});
});

describe('GET /api/accounts/activation', () => {
	it('shows who is activating and proposes prénom.nom as the username', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		await register(client, PASCAL);
		const res = await client.get(
			`/api/accounts/activation?jeton=${await activationToken(ctx, PASCAL.email)}`
		);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			prenom: 'Pascal',
			nom: 'DUPIN',
			email: 'dupin@example.com',
			identifiant: 'pascal.dupin'
		});
	});

	it('refuses a malformed link (400) and an unknown one (410)', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		for (const query of ['', '?jeton=', '?jeton=ABC', `?jeton=${'a'.repeat(200)}`]) {
			await expectError(await client.get(`/api/accounts/activation${query}`), 400, { code: 'invalid_token' });
		}
		await expectError(await client.get(`/api/accounts/activation?jeton=${'a'.repeat(52)}`), 410, {
			code: 'activation_link_invalid',
			message: /Refaites une demande de création de compte\.$/
		});
	});

	it('makes the proposed username unique with a number, and tells whether a chosen one is free', async () => {
		const ctx = await testApp();
		await registerCitizen(ctx, new TestClient(ctx.app));
		const cousin = new TestClient(ctx.app);
		await register(cousin, { ...PASCAL, email: 'autre.pascal@example.net' });
		const jeton = await activationToken(ctx, 'autre.pascal@example.net');
		expect(await json(await cousin.get(`/api/accounts/activation?jeton=${jeton}`))).toMatchObject({
			identifiant: 'pascal.dupin2'
		});

		const check = async (identifiant: string) =>
			json(
				await cousin.get(`/api/accounts/activation/identifiant?jeton=${jeton}&identifiant=${identifiant}`)
			);
		expect(await check('pascal.dupin')).toEqual({ identifiant: 'pascal.dupin', disponible: false });
		expect(await check('PASCAL.Dupin')).toEqual({ identifiant: 'pascal.dupin', disponible: false });
		expect(await check('pascal.dupin2')).toEqual({ identifiant: 'pascal.dupin2', disponible: true });
		// A name the format rule refuses is not "available", and the answer says why.
		expect(await check('p')).toMatchObject({
			identifiant: 'p',
			disponible: false,
			probleme: /^De 3 à 40 caractères/
		});
		// Only the holder of a valid link may ask.
		await expectError(
			await cousin.get(`/api/accounts/activation/identifiant?jeton=${'b'.repeat(52)}&identifiant=x`),
			410
		);
	});
});
