import { describe, expect, it } from 'vitest';
import { DEMO_AGENT, installDemoAgents } from '../../../server/demo/demo-agents.ts';
import { login } from '../support/accounts.ts';
import { signInAgent } from '../support/agents.ts';
import { expectError } from '../support/expect.ts';
import { TestClient } from '../support/http-client.ts';
import { withSignedInPascal as pascal } from '../support/profile.ts';
import { testApp } from '../support/test-app.ts';

describe('agents and families kept apart', () => {
	it("gives an agent 403 on the families' routes, and the agent's session says the role", async () => {
		const ctx = await testApp();
		const agent = new TestClient(ctx.app);
		await signInAgent(ctx, agent, { role: 'agent' });
		const session = await (await agent.get('/api/auth/session')).json();
		expect(session.account).toMatchObject({ identifiant: 'agent.agent', role: 'agent' });
		await expectError(await agent.get('/api/profile'), 403, { code: 'families_only' });
		await expectError(await agent.get('/api/requests/pull?version=0&schemaVersion=1'), 403, {
			code: 'families_only'
		});
	});

	it('gives a family 403 and a signed-out visitor 401 under /api/admin', async () => {
		const { ctx, client } = await pascal();
		await expectError(await client.get('/api/admin/demandes'), 403, { code: 'agents_only' });
		await expectError(await new TestClient(ctx.app).get('/api/admin/demandes'), 401, {
			code: 'unauthenticated'
		});
	});

	it('keeps the agents’ accounts and the audit log to administrators', async () => {
		const ctx = await testApp();
		const agent = new TestClient(ctx.app);
		await signInAgent(ctx, agent, { role: 'agent' });
		await expectError(await agent.get('/api/admin/agents'), 403, { code: 'administrators_only' });
		await expectError(await agent.get('/api/admin/audit'), 403, { code: 'administrators_only' });
		// Not a prefix match on the name: /api/admin/agentsX is not the agents' route.
		const res = await agent.get('/api/admin/dashboardx');
		expect(res.status).toBe(404);
	});
});

describe('audit log', () => {
	it('refuses to change or delete a line', async () => {
		const ctx = await testApp();
		const admin = new TestClient(ctx.app);
		const { accountId } = await signInAgent(ctx, admin, { role: 'administrateur' });
		await ctx.db
			.insertInto('audit_log')
			.values({
				at: '2026-11-28T09:00:00Z',
				account_id: accountId,
				action: 'x',
				target_type: 'y',
				target_id: 1,
				household_id: null,
				summary: 's',
				before_json: null,
				after_json: null
			})
			.execute();
		await expect(ctx.db.updateTable('audit_log').set({ summary: 'autre' }).execute()).rejects.toThrow(
			/append-only/
		);
		await expect(ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
	});
});

describe('the demo administrator', () => {
	it('signs in as agent.mairie / Hesdigneul62 and is an administrateur', async () => {
		const ctx = await testApp();
		expect(await installDemoAgents(ctx.db, ctx.clock)).toBe(true);
		expect(await installDemoAgents(ctx.db, ctx.clock)).toBe(false);
		const client = new TestClient(ctx.app);
		expect((await login(client, DEMO_AGENT.username, DEMO_AGENT.password)).status).toBe(200);
		const session = await (await client.get('/api/auth/session')).json();
		expect(session.account).toMatchObject({ identifiant: 'agent.mairie', role: 'administrateur' });
	});
});
