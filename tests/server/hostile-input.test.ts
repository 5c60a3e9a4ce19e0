import { describe, expect, it } from 'vitest';
import { activationToken, PASCAL, solvedCaptcha } from './support/accounts.ts';
import { expectError } from './support/expect.ts';
import { TestClient } from './support/http-client.ts';
import { longestStringWork } from './support/string-work.ts';
import { testApp } from './support/test-app.ts';

// U+FDFA is 3 bytes of UTF-8 and becomes 18 characters under NFKC: `n` of them fill a body of
// about 3n bytes. A body of the account forms takes at most 16 KiB (a megabyte is refused
// unread, see request-bodies.test.ts): the fields below fill it, 4 times their limit and more.
const expanding = (n: number) => '\uFDFA'.repeat(n);
const jeton = 'a'.repeat(52);

describe('a field filling the whole body', () => {
	it('is refused by every account form before any text work, each field told in French', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		const captcha = await solvedCaptcha(client);
		const huge = expanding(4_500);
		const half = expanding(2_200);
		const calls: [string, unknown, Record<string, true>][] = [
			['/api/accounts/password-reset', { jeton, motDePasse: huge, confirmation: '' }, { motDePasse: true }],
			[
				'/api/accounts/activation',
				{ jeton, identifiant: 'pascal.dupin', motDePasse: huge, confirmation: '' },
				{ motDePasse: true }
			],
			['/api/auth/login', { identifiant: half, motDePasse: half }, { identifiant: true, motDePasse: true }],
			['/api/accounts/recovery', { perdu: 'mot-de-passe', identifiant: huge }, { identifiant: true }],
			[
				'/api/accounts/registrations',
				{ identity: { ...PASCAL, nomNaissance: huge }, captcha },
				{
					nomNaissance: true
				}
			]
		];
		for (const [path, body, fields] of calls) {
			let res: Response | undefined;
			const longest = await longestStringWork(async () => (res = await client.post(path, body)));
			expect(longest, path).toBeLessThanOrEqual(4096);
			await expectError(res as Response, 400, { code: 'invalid_fields', fields });
		}
	});

	it('is not read by the username check either', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		await client.post('/api/accounts/registrations', {
			identity: PASCAL,
			captcha: await solvedCaptcha(client)
		});
		const link = await activationToken(ctx, PASCAL.email);
		const long = 'A'.repeat(12_000);
		let res: Response | undefined;
		const path = `/api/accounts/activation/identifiant?jeton=${link}&identifiant=${long}`;
		const longest = await longestStringWork(async () => (res = await client.get(path)));
		expect(longest).toBeLessThanOrEqual(4096);
		expect(await res?.json()).toMatchObject({ disponible: false, probleme: /^De 3 à 40 caractères/ });
	});
});
