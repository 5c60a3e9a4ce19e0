import { describe, expect, it } from 'vitest';
import { expectError } from './support/expect.ts';
import { TestClient } from './support/http-client.ts';
import { testApp } from './support/test-app.ts';

describe('validation at the edge (validate: zValidator with the app’s refusals)', () => {
	it('a body that is not JSON is refused in French, before any rule', async () => {
		const { app } = await testApp();
		const client = new TestClient(app, { ip: '198.51.100.7' });
		const res = await client.raw('POST', '/api/auth/login', '{"identifiant": "pascal', {
			'Content-Type': 'application/json'
		});
		await expectError(res, 400, {
			code: 'invalid_json',
			message: 'Le contenu envoyé n’est pas du JSON valide.'
		});
	});

	it('a body of the wrong shape names each field in the schema’s French words', async () => {
		const { app } = await testApp();
		const client = new TestClient(app, { ip: '198.51.100.8' });
		const res = await client.post('/api/auth/login', { identifiant: 42 });
		const error = await expectError(res, 400, {
			code: 'invalid_fields',
			fields: { identifiant: true, motDePasse: 'Ce champ est obligatoire.' }
		});
		expect(Object.keys(error.fields ?? {}).sort()).toEqual(['identifiant', 'motDePasse']);
	});

	it('a link’s token in the query is refused as a bad link, not as a form', async () => {
		const { app } = await testApp();
		const client = new TestClient(app);
		const res = await client.api.accounts['password-reset'].$get({ query: { jeton: 'pas-un-jeton' } });
		await expectError(res, 400, {
			code: 'invalid_token',
			message: 'Lien invalide ou incomplet.'
		});
	});
});
