import { describe, expect, it } from 'vitest';
import { writeAudit } from '../../../server/backoffice/audit-log.ts';
import type { AuditPage } from '../../../src/lib/domain/backoffice/audit/audit-query.ts';
import { signInAgent } from '../support/agents.ts';
import { expectError } from '../support/expect.ts';
import { json, TestClient } from '../support/http-client.ts';
import { testApp } from '../support/test-app.ts';

async function withLog() {
	const ctx = await testApp();
	const admin = new TestClient(ctx.app);
	const { accountId: adminId } = await signInAgent(ctx, admin, {
		role: 'administrateur',
		username: 'admin.mairie'
	});
	const { accountId: agentId } = await signInAgent(ctx, new TestClient(ctx.app), {
		role: 'agent',
		nom: 'Durand'
	});
	const { id: householdId } = await ctx.db
		.insertInto('household')
		.values({ created_at: '2026-01-01T00:00:00Z', kind: 'famille' })
		.returning('id')
		.executeTakeFirstOrThrow();
	// 60 lines over three Paris days: 2026-11-26 … 28, by the agent on even ones.
	await ctx.db.transaction().execute(async (trx) => {
		for (let i = 0; i < 60; i++) {
			const at = new Date(Date.parse('2026-11-25T23:30:00Z') + i * 3600_000);
			await writeAudit(trx, at, {
				accountId: i % 2 === 0 ? agentId : adminId,
				action: i % 3 === 0 ? 'document.valider' : 'demande.prendre',
				targetType: i % 3 === 0 ? 'document' : 'demande',
				targetId: i,
				householdId: i < 10 ? householdId : null,
				summary: `Ligne ${i}`,
				before: { statut: 'a-valider' },
				after: { statut: 'valide' }
			});
		}
	});
	return { ctx, admin, adminId, agentId, householdId };
}

const read = async (admin: TestClient, query = '') =>
	json<AuditPage>(await admin.get(`/api/admin/audit${query}`));

describe('reading the audit log', () => {
	it('gives pages of 50, newest first, with the agent and the changes', async () => {
		const { admin, agentId } = await withLog();
		const first = await read(admin);
		expect(first.lines).toHaveLength(50);
		expect(first.hasMore).toBe(true);
		expect(first.lines[0]).toMatchObject({
			summary: 'Ligne 59',
			action: 'demande.prendre',
			before: { statut: 'a-valider' },
			after: { statut: 'valide' }
		});
		const second = await read(admin, '?page=2');
		expect(second.lines.map((l) => l.summary).at(-1)).toBe('Ligne 0');
		expect(second.hasMore).toBe(false);
		expect(second.lines.at(-1)?.agent).toEqual({
			id: agentId,
			identifiant: 'agent.agent',
			nom: 'Marie DURAND'
		});
	});

	it('filters by agent, action, record, family and Paris days', async () => {
		const { admin, agentId, householdId } = await withLog();
		expect((await read(admin, `?agent=${agentId}`)).lines.every((l) => l.agent.id === agentId)).toBe(true);
		expect((await read(admin, `?agent=${agentId}&page=1`)).lines).toHaveLength(30);
		expect((await read(admin, '?action=document.valider')).lines).toHaveLength(20);
		expect((await read(admin, '?cible=demande&cibleId=4')).lines.map((l) => l.summary)).toEqual(['Ligne 4']);
		expect((await read(admin, `?famille=${householdId}`)).lines).toHaveLength(10);
		// 2026-11-26 in Paris: from 23:00 UTC on the 25th to 23:00 UTC on the 26th (lines 0 to 23).
		const day = await read(admin, '?du=2026-11-26&au=2026-11-26');
		expect(day.lines).toHaveLength(24);
		expect(day.lines.at(-1)?.summary).toBe('Ligne 0');
		expect((await read(admin, '?du=2026-11-28')).lines).toHaveLength(60 - 48);
	});

	it('refuses bad filters in French and keeps the log to administrators', async () => {
		const { ctx, admin } = await withLog();
		await expectError(await admin.get('/api/admin/audit?du=2026-13-99x'), 400, { fields: { du: true } });
		await expectError(await admin.get('/api/admin/audit?du=2026-11-28&au=2026-11-01'), 400, {
			fields: { au: true }
		});
		await expectError(await admin.get(`/api/admin/audit?action=${'a'.repeat(100)}`), 400, {
			fields: { action: true }
		});
		await expectError(await admin.get('/api/admin/audit?agent=-1'), 400, { fields: { agent: true } });
		await expectError(await admin.get('/api/admin/audit?page=0'), 400);
		const agent = new TestClient(ctx.app);
		await signInAgent(ctx, agent, { role: 'agent', username: 'autre.agent' });
		await expectError(await agent.get('/api/admin/audit'), 403, { code: 'administrators_only' });
	});

	it('shows the agents’ actions of the agents page', async () => {
		const ctx = await testApp();
		const admin = new TestClient(ctx.app);
		await signInAgent(ctx, admin, { role: 'administrateur' });
		await admin.post('/api/admin/agents', {
			email: 'lea@mairie.example.fr',
			prenom: 'Léa',
			nom: 'Martin',
			role: 'agent'
		});
		const [line] = (await read(admin, '?action=agent.inviter')).lines;
		expect(line).toMatchObject({ targetType: 'account', summary: 'Agent Léa Martin (lea.martin) invité' });
	});
});
