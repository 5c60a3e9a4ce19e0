import { describe, expect, it } from 'vitest';
import { createAgentAccount } from '../../../server/backoffice/agents/agent-accounts.ts';
import { login } from '../support/accounts.ts';
import { AGENT_PASSWORD, signInAgent } from '../support/agents.ts';
import { expectError } from '../support/expect.ts';
import { TestClient } from '../support/http-client.ts';
import { testApp } from '../support/test-app.ts';

const WRONG = 'Identifiant ou mot de passe incorrect.';

describe("an agent's sign-in", () => {
	it('refuses a disabled account after its right password only, and sets no cookie', async () => {
		const ctx = await testApp();
		const { accountId, username } = await signInAgent(ctx, new TestClient(ctx.app), { role: 'agent' });
		await ctx.db
			.updateTable('account')
			.set({ disabled_at: '2026-11-28T09:00:00.000Z' })
			.where('id', '=', accountId)
			.execute();
		const client = new TestClient(ctx.app);
		await expectError(await login(client, username, AGENT_PASSWORD), 403, {
			code: 'account_disabled',
			message: "Ce compte a été désactivé. Adressez-vous à l'administrateur de la mairie."
		});
		// A wrong password learns nothing: the usual answer, as for an unknown account.
		const wrong = await login(client, username, 'Hesdigneul63');
		const unknown = await login(client, 'personne.inconnue', 'Hesdigneul63');
		const text = await wrong.text();
		expect(text).toBe(await unknown.text());
		await expectError(new Response(text, wrong), 401, { code: 'wrong_credentials', message: WRONG });
		expect(client.cookies.size).toBe(0);
	});

	it('never signs in an invited agent who has not chosen a password yet', async () => {
		const ctx = await testApp();
		await ctx.db.transaction().execute((trx) =>
			createAgentAccount(trx, ctx.clock.now(), {
				email: 'invite@mairie.example.fr',
				prenom: 'Ines',
				nom: 'Invitee',
				role: 'agent',
				username: 'ines.invitee'
			})
		);
		const client = new TestClient(ctx.app);
		for (const password of ['!en-attente-d-activation', '', 'Hesdigneul62']) {
			const res = await client.post('/api/auth/login', { identifiant: 'ines.invitee', motDePasse: password });
			expect([400, 401]).toContain(res.status);
			if (password) await expectError(res, 401, { code: 'wrong_credentials', message: WRONG });
		}
		expect(client.cookies.size).toBe(0);
	});

	it("tells an agent's session its role, so the sign-in page sends it to /admin", async () => {
		const ctx = await testApp();
		const client = new TestClient(ctx.app);
		await signInAgent(ctx, client, { role: 'administrateur' });
		const session = await (await client.get('/api/auth/session')).json();
		expect(session.account.role).toBe('administrateur');
	});
});
