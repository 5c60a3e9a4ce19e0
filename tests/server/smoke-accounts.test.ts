import { describe, expect, it } from 'vitest';
import { registerCitizen } from './support/accounts.ts';
import { json, TestClient } from './support/http-client.ts';
import { testApp } from './support/test-app.ts';

describe('smoke', () => {
	it('registers, signs in, reads the profile', async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app, { ip: '10.0.0.1' });
		const creds = await registerCitizen(ctx, client);
		expect(creds.identifiant).toBe('pascal.dupin');
		const session = await json(await client.get('/api/auth/session'));
		expect(session).toMatchObject({
			account: { identifiant: 'pascal.dupin', prenom: 'Pascal', nom: 'DUPIN' }
		});
		const profile = await json(await client.get('/api/profile'));
		expect(profile).toMatchObject({ email: 'dupin@example.com' });
		await client.post('/api/auth/logout');
		expect((await client.get('/api/profile')).status).toBe(401);
		const again = await client.post('/api/auth/login', {
			identifiant: 'pascal.dupin',
			motDePasse: 'Hesdigneul62'
		});
		expect(again.status).toBe(200);
		expect((await client.get('/api/profile')).status).toBe(200);
	});
});
