import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/lib/domain/profile/profile.ts';
import { installDemoData } from '../../server/demo/demo-data.ts';
import { CLAIRE, login, mailsTo, registerCitizen } from './support/accounts.ts';
import { expectError } from './support/expect.ts';
import { json, TestClient } from './support/http-client.ts';
import { tokenFrom } from './support/mailbox.ts';
import { HOME, profileOf, withSignedInPascal as pascal, WORK } from './support/profile.ts';
import { testApp } from './support/test-app.ts';

describe('Mon profil', () => {
	it('shows a new account: civil data from the registration, nothing else yet', async () => {
		const { client } = await pascal();
		const res = await client.get('/api/profile');
		expect(res.status).toBe(200);
		const profile = (await res.json()) as Profile;
		expect(profile).toMatchObject({
			identifiant: 'pascal.dupin',
			email: 'dupin@example.com',
			pendingEmail: null,
			civil: {
				civilite: 'Monsieur',
				nomNaissance: 'DUPIN',
				nomUsage: null,
				prenom: 'Pascal',
				prenom2: null,
				dateNaissance: '1971-01-01',
				paysNaissance: 'France',
				communeNaissance: 'LYON 04',
				departementNaissance: '69'
			},
			phones: { fixe: null, portable: null, professionnel: null },
			addresses: [],
			household: { children: [], adults: [{ nom: 'DUPIN', prenom: 'Pascal', titulaire: true }] },
			schooledChildren: [],
			relations: []
		});
		const { allocataire, ...others } = profile.social;
		expect(allocataire).toBe('DUPIN Pascal');
		expect(Object.values(others).every((v) => v === null)).toBe(true);
	});

	it('saves phones as ten digits and refuses bad numbers on their field', async () => {
		const { client } = await pascal();
		const res = await client.put('/api/profile/phones', {
			portable: '06 12 34 56 78',
			fixe: '03.21.00.00.00',
			professionnel: '+33 7 00 00 00 01'
		});
		expect(res.status).toBe(200);
		const saved = { portable: '0612345678', fixe: '0321000000', professionnel: '0700000001' };
		expect(((await res.json()) as Profile).phones).toEqual(saved);

		await expectError(await client.put('/api/profile/phones', { portable: '03 21 00 00 00' }), 400, {
			fields: { portable: 'Un portable commence par 06 ou 07.' }
		});
		await expectError(await client.put('/api/profile/phones', { fixe: '12345', portable: '06' }), 400, {
			fields: { fixe: /^Numéro invalide/, portable: /^Numéro invalide/ }
		});
		expect((await profileOf(client)).phones).toEqual(saved);
		// An empty field removes that number.
		const cleared = await json<Profile>(await client.put('/api/profile/phones', { portable: '0612345678' }));
		expect(cleared.phones).toEqual({ portable: '0612345678', fixe: null, professionnel: null });
	});

	it('adds, edits and deletes addresses, always with exactly one default', async () => {
		const { client } = await pascal();
		const first = await client.post('/api/profile/addresses', HOME);
		expect(first.status).toBe(201);
		const [home] = ((await first.json()) as Profile).addresses;
		expect(home).toMatchObject({ name: 'Maison', city: 'HESDIGNEUL-LÈS-BOULOGNE', isDefault: true });

		const second = await json<Profile>(
			await client.post('/api/profile/addresses', { ...WORK, isDefault: true })
		);
		expect(second.addresses.map((a) => [a.name, a.isDefault])).toEqual([
			['Maison', false],
			['Travail', true]
		]);
		const workId = second.addresses[1]?.id;

		const edited = await json<Profile>(
			await client.put(`/api/profile/addresses/${home?.id}`, { ...HOME, street: 'Rue de l’Église' })
		);
		expect(edited.addresses.map((a) => [a.street, a.isDefault])).toEqual([
			['Rue de l’Église', false],
			['Rue des Buissons Fleuris', true]
		]);

		// A DELETE without a body, as a browser sends it.
		const deleted = await client.delete(`/api/profile/addresses/${workId}`);
		expect(deleted.status).toBe(200);
		expect(((await deleted.json()) as Profile).addresses.map((a) => [a.name, a.isDefault])).toEqual([
			['Maison', true]
		]);
		await expectError(await client.delete(`/api/profile/addresses/${workId}`), 404, { code: 'not_found' });
		await expectError(await client.delete('/api/profile/addresses/abc'), 404);
	});

	it('keeps at most 10 addresses per household, and says so', async () => {
		const { client } = await pascal();
		for (let i = 0; i < 10; i++) {
			const res = await client.post('/api/profile/addresses', { ...HOME, name: `Adresse ${i + 1}` });
			expect(res.status).toBe(201);
		}
		await expectError(await client.post('/api/profile/addresses', { ...HOME, name: 'Une de trop' }), 409, {
			code: 'too_many_addresses',
			message: /déjà 10 adresses/
		});
		expect((await profileOf(client)).addresses).toHaveLength(10);
	});

	it('refuses a name another address of the household has, case and accents ignored, on the field', async () => {
		const { ctx, client } = await pascal();
		const grandParents = { ...HOME, name: 'Chez les grands-parents' };
		const added = await json<Profile>(await client.post('/api/profile/addresses', grandParents));
		const said = 'Vous avez déjà une adresse nommée « Chez les grands-parents ».';
		for (const name of ['Chez les grands-parents', ' chez les GRANDS-PARENTS ', 'Chez lés grands parents'])
			await expectError(await client.post('/api/profile/addresses', { ...WORK, name }), 409, {
				code: 'address_name_taken',
				message: said,
				fields: { name: said }
			});
		const work = await json<Profile>(await client.post('/api/profile/addresses', WORK));
		const workId = work.addresses.find((a) => a.name === 'Travail')?.id;
		await expectError(await client.put(`/api/profile/addresses/${workId}`, grandParents), 409, {
			fields: { name: said }
		});
		// Nothing changed by the refusal; an address keeps its own name when changed.
		expect((await profileOf(client)).addresses.map((a) => a.name)).toEqual([
			'Chez les grands-parents',
			'Travail'
		]);
		const ownId = added.addresses[0]?.id;
		const kept = await client.put(`/api/profile/addresses/${ownId}`, {
			...grandParents,
			street: 'Rue Neuve'
		});
		expect(kept.status).toBe(200);

		// Another household's address of that name does not count.
		const other = new TestClient(ctx.app);
		await registerCitizen(ctx, other, CLAIRE);
		expect((await other.post('/api/profile/addresses', grandParents)).status).toBe(201);
	});

	it('refuses a bad address on its fields; a foreign postal code follows its own country', async () => {
		const { client } = await pascal();
		await expectError(await client.post('/api/profile/addresses', { ...HOME, postalCode: '6236' }), 400, {
			fields: { postalCode: /^Code postal invalide/ }
		});
		await expectError(await client.post('/api/profile/addresses', { ...HOME, street: ' ' }), 400, {
			fields: { street: 'Ce champ est obligatoire.' }
		});
		const belgian = { ...HOME, country: 'Belgique', city: 'Tournai', postalCode: '7500' };
		expect((await client.post('/api/profile/addresses', belgian)).status).toBe(201);
	});

	it('saves social data typed as people write euros', async () => {
		const { client } = await pascal();
		const res = await client.put('/api/profile/social', {
			regime: 'Régime général',
			revenuFiscalReference: '25 000',
			ressourcesMensuelles: '1 234,50',
			enfantsACharge: '2',
			numeroAllocataire: '1234567'
		});
		expect(res.status).toBe(200);
		expect(((await res.json()) as Profile).social).toMatchObject({
			regime: 'Régime général',
			revenuFiscalReferenceCents: 2500000,
			ressourcesMensuellesCents: 123450,
			enfantsACharge: 2,
			numeroAllocataire: '1234567',
			allocataire: 'DUPIN Pascal'
		});
		await expectError(await client.put('/api/profile/social', { revenuFiscalReference: 'beaucoup' }), 400, {
			fields: { revenuFiscalReference: /^Montant en euros invalide/ }
		});
	});

	it('changes the e-mail only once the new address confirms, with a single-use link', async () => {
		const { ctx, client } = await pascal();
		const res = await client.post('/api/profile/email', { courriel: 'Pascal.Nouveau@example.org' });
		expect(res.status).toBe(202);
		expect(await res.json()).toMatchObject({
			email: 'dupin@example.com',
			pendingEmail: 'pascal.nouveau@example.org'
		});
		const [confirm] = await mailsTo(ctx, 'pascal.nouveau@example.org');
		const jeton = tokenFrom(confirm, '/profil/confirmer-courriel');
		const notice = (await mailsTo(ctx, 'dupin@example.com')).at(-1);
		expect(notice?.subject).toMatch(/^Changement d’adresse électronique demandé/);
		expect(notice?.text).toContain('pascal.nouveau@example.org');
		await expectError(await login(new TestClient(ctx.app), 'pascal.nouveau@example.org'), 401);

		const confirmed = await new TestClient(ctx.app).post('/api/profile/email/confirm', { jeton });
		expect(confirmed.status).toBe(200);
		expect(await confirmed.json()).toEqual({ courriel: 'pascal.nouveau@example.org' });
		expect(await profileOf(client)).toMatchObject({
			email: 'pascal.nouveau@example.org',
			pendingEmail: null
		});
		expect((await login(new TestClient(ctx.app), 'pascal.nouveau@example.org')).status).toBe(200);
		await expectError(await client.post('/api/profile/email/confirm', { jeton }), 410, {
			code: 'email_link_invalid'
		});
		await expectError(
			await client.post('/api/profile/email', { courriel: 'pascal.nouveau@example.org' }),
			400,
			{
				fields: { courriel: 'C’est déjà votre adresse actuelle.' }
			}
		);
	});

	it('refuses a malformed confirmation link as a bad link, not as a form to correct', async () => {
		const { ctx } = await pascal();
		for (const jeton of ['zzz', '', 'x'.repeat(500)]) {
			await expectError(await new TestClient(ctx.app).post('/api/profile/email/confirm', { jeton }), 400, {
				code: 'invalid_token',
				message: 'Lien invalide ou incomplet.'
			});
		}
	});

	it('answers an address already another account’s exactly as a free one, and sends it no link', async () => {
		const { ctx, client } = await pascal();
		await registerCitizen(ctx, new TestClient(ctx.app), CLAIRE);
		const ask = async (courriel: string) => {
			const res = await client.post('/api/profile/email', { courriel });
			return `${res.status} ${(await res.text()).replaceAll(courriel, '<adresse>')}`;
		};
		const free = await ask('libre@example.org');
		expect(await ask('claire.martin@example.org')).toBe(free);
		expect(free).toMatch(/^202 /);

		const toClaire = (await mailsTo(ctx, 'claire.martin@example.org')).slice(1); // after her activation
		expect(toClaire.map((m) => m.subject)).toEqual([
			expect.stringMatching(/^Votre adresse électronique est déjà utilisée/)
		]);
		expect(toClaire[0]?.text).not.toMatch(/jeton=|pascal|dupin/i);
		const toFree = await mailsTo(ctx, 'libre@example.org');
		expect(toFree.map((m) => tokenFrom(m, '/profil/confirmer-courriel'))).toHaveLength(1);
		// The current address is told of both requests.
		expect(
			(await mailsTo(ctx, 'dupin@example.com')).filter((m) => m.subject.startsWith('Changement'))
		).toHaveLength(2);
		expect(await profileOf(client)).toMatchObject({
			email: 'dupin@example.com',
			pendingEmail: 'claire.martin@example.org'
		});
	});

	it('takes 5 e-mail changes per account a day, then 429 until the next day', async () => {
		const { ctx, client } = await pascal();
		for (let i = 0; i < 5; i++) {
			expect((await client.post('/api/profile/email', { courriel: `nouveau${i}@example.org` })).status).toBe(
				202
			);
		}
		const refused = await client.post('/api/profile/email', { courriel: 'encore@example.org' });
		await expectError(refused, 429, {
			code: 'too_many_attempts',
			message: 'Trop de tentatives. Pour votre sécurité, réessayez à partir du 29/11/2026 à 10:00.'
		});
		expect(await mailsTo(ctx, 'encore@example.org')).toEqual([]);
		expect((await mailsTo(ctx)).filter((m) => !m.subject.startsWith('Activez'))).toHaveLength(10);
		ctx.clock.set('2026-11-29T09:00:00Z');
		expect((await client.post('/api/profile/email', { courriel: 'encore@example.org' })).status).toBe(202);
	});

	it('answers 401 on every route when signed out', async () => {
		const { client } = await pascal();
		await client.post('/api/auth/logout');
		const calls: [string, string, unknown?][] = [
			['GET', '/api/profile'],
			['PUT', '/api/profile/phones', { portable: '0612345678' }],
			['POST', '/api/profile/addresses', HOME],
			['PUT', '/api/profile/addresses/1', HOME],
			['DELETE', '/api/profile/addresses/1'],
			['PUT', '/api/profile/social', {}],
			['POST', '/api/profile/email', { courriel: 'x@example.org' }]
		];
		for (const [method, path, body] of calls) {
			await expectError(await client.request(method, path, body), 401, { code: 'unauthenticated' });
		}
	});
});

describe('another household', () => {
	it('sees only its own profile and cannot read or change the first household’s addresses or phones', async () => {
		const { ctx, client: a } = await pascal();
		await a.put('/api/profile/phones', { portable: '0612345678' });
		const homeId = (await json<Profile>(await a.post('/api/profile/addresses', HOME))).addresses[0]?.id;
		const b = new TestClient(ctx.app);
		await registerCitizen(ctx, b, CLAIRE);

		const seen = await profileOf(b);
		expect(seen).toMatchObject({ identifiant: 'claire.martin', email: 'claire.martin@example.org' });
		expect(seen.phones).toEqual({ fixe: null, portable: null, professionnel: null });
		expect(seen.addresses).toEqual([]);
		expect(seen.household.adults.map((p) => p.prenom)).toEqual(['Claire']);
		expect(JSON.stringify(seen)).not.toMatch(/Pascal|DUPIN|0612345678|Buissons/);

		await expectError(await b.put(`/api/profile/addresses/${homeId}`, { ...HOME, street: 'Pris' }), 404, {
			code: 'not_found'
		});
		await expectError(await b.delete(`/api/profile/addresses/${homeId}`), 404, { code: 'not_found' });
		await b.post('/api/profile/addresses', { ...WORK, isDefault: true });
		await b.put('/api/profile/phones', { portable: '0700000000' });

		const mine = await profileOf(a);
		expect(mine.addresses).toEqual([
			expect.objectContaining({ id: homeId, street: HOME.street, isDefault: true })
		]);
		expect(mine.phones.portable).toBe('0612345678');
	});
});

describe('the demo family', () => {
	it('signs in as pascal.dupin and shows Tim DUPIN in CE2 with his sessions and the family address', async () => {
		const ctx = await testApp();
		expect(await installDemoData(ctx.db, ctx.clock)).toBe(true);
		expect(await installDemoData(ctx.db, ctx.clock)).toBe(false);
		const client = new TestClient(ctx.app);
		expect((await login(client, 'pascal.dupin', 'Hesdigneul62')).status).toBe(200);
		const profile = await profileOf(client);
		expect(profile.household.children).toEqual([expect.objectContaining({ nom: 'DUPIN', prenom: 'Tim' })]);
		expect(profile.household.adults).toEqual([
			expect.objectContaining({ prenom: 'Pascal', titulaire: true })
		]);
		expect(profile.schooledChildren).toEqual([
			expect.objectContaining({
				prenom: 'Tim',
				level: 'CE2',
				sessions: ['garderie', 'restauration-scolaire']
			})
		]);
		expect(profile.addresses).toEqual([
			expect.objectContaining({
				street: 'Rue des Buissons Fleuris',
				postalCode: '62360',
				city: 'HESDIGNEUL LES BOULOGNE',
				isDefault: true
			})
		]);
		expect(profile.relations).toEqual([{ person: 'DUPIN Pascal', kind: 'pere', related: 'DUPIN Tim' }]);
	});
});
