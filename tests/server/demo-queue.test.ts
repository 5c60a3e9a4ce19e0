import { describe, expect, it } from 'vitest';
import type { DashboardCounts } from '../../src/lib/domain/backoffice/dashboard/dashboard.ts';
import type { QueuePage } from '../../src/lib/domain/backoffice/demandes/queue-query.ts';
import { installDemoAgents, DEMO_AGENT } from '../../server/demo/demo-agents.ts';
import { installDemoData } from '../../server/demo/demo-data.ts';
import { installDemoQueue } from '../../server/demo/demo-queue.ts';
import { installDemoRequests } from '../../server/demo/demo-requests.ts';
import { login } from './support/accounts.ts';
import { dupins } from './support/agenda.ts';
import { json, TestClient } from './support/http-client.ts';
import { testApp } from './support/test-app.ts';

/** `npm run demo`'s order (server/index.ts), then agent.mairie signed in. */
async function demoQueue() {
	const { ctx } = await dupins();
	expect(await installDemoRequests(ctx.db, ctx.clock)).toBe(true);
	expect(await installDemoAgents(ctx.db, ctx.clock)).toBe(true);
	expect(await installDemoQueue(ctx.db, ctx.clock)).toBe(true);
	const agent = new TestClient(ctx.app, { ip: '192.0.2.30' });
	expect((await login(agent, DEMO_AGENT.username, DEMO_AGENT.password)).status).toBe(200);
	const queue = (query = '') => agent.get(`/api/admin/demandes${query}`).then(json<QueuePage>);
	return { ctx, agent, queue };
}

describe('npm run demo: other families’ demandes in the agents’ queue', () => {
	it('lists them with the DUPIN family’s, in every status, the taken ones assigned to agent.mairie', async () => {
		const { queue } = await demoQueue();
		const all = await queue();
		expect(all.total).toBe(10);
		const others = all.rows.filter((r) => !r.famille.startsWith('DUPIN'));
		expect(new Set(others.map((r) => r.famille))).toEqual(
			new Set(['LEROY Sandrine', 'MOREAU Karim', 'PETIT Hélène'])
		);
		expect(others.map((r) => r.status).sort()).toEqual([
			'clos',
			'complement',
			'en-cours',
			'envoyee',
			'envoyee',
			'envoyee',
			'envoyee',
			'refusee'
		]);
		expect(new Set(others.map((r) => r.formCode))).toEqual(
			new Set(['fiche-enfant', 'contact-mairie', 'salle-des-fetes'])
		);
		expect(others.every((r) => r.email?.endsWith('@example.com'))).toBe(true);
		const mine = await queue('?agent=moi');
		expect(mine.rows.map((r) => r.status).sort()).toEqual(['complement', 'en-cours', 'envoyee']);
		expect(mine.rows.every((r) => r.agent === 'MAIRIE Agnès')).toBe(true);
		// Found by the search box, accents folded.
		expect((await queue('?q=helene')).rows.map((r) => r.famille)).toEqual(Array(3).fill('PETIT Hélène'));
		expect(new Set((await queue('?q=ines')).rows.map((r) => r.famille))).toEqual(new Set(['MOREAU Karim']));
	});

	it('fills the tableau de bord: demandes à traiter and a complément received', async () => {
		const { agent } = await demoQueue();
		const counts = await agent.get('/api/admin/dashboard').then(json<DashboardCounts>);
		expect(counts.demandesATraiter).toBe(3);
		expect(counts.complementsRecus).toBe(1);
	});

	it('tells each one’s history: the family sends, agent.mairie answers', async () => {
		const { ctx } = await demoQueue();
		const lines = await ctx.db
			.selectFrom('demande_history as h')
			.innerJoin('demande as d', 'd.id', 'h.demande_id')
			.select(['d.number', 'h.from_status', 'h.to_status', 'h.author', 'h.comment'])
			.where('d.number', '>', 3)
			.orderBy('d.number')
			.orderBy('h.id')
			.execute();
		const refused = lines.filter((l) => l.to_status === 'refusee');
		expect(refused).toEqual([
			expect.objectContaining({ from_status: 'envoyee', author: 'MAIRIE Agnès', comment: expect.any(String) })
		]);
		const received = lines.filter((l) => l.from_status === 'complement' && l.to_status === 'envoyee');
		expect(received).toEqual([expect.objectContaining({ author: 'MOREAU Karim' })]);
		const numbers = [...new Set(lines.map((l) => l.number))];
		expect(numbers).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
		for (const n of numbers) expect(lines.find((l) => l.number === n)?.to_status).toBe('brouillon');
	});

	it('leaves the DUPIN family’s demandes as they were, and is installed once', async () => {
		const { ctx } = await demoQueue();
		const dupin = await ctx.db
			.selectFrom('demande')
			.select(['number', 'form_code', 'status', 'assigned_account_id'])
			.where('number', '<=', 3)
			.orderBy('number')
			.execute();
		expect(dupin).toEqual([
			{ number: 1, form_code: 'fiche-enfant', status: 'clos', assigned_account_id: null },
			{ number: 2, form_code: 'contact-mairie', status: 'clos', assigned_account_id: null },
			{ number: 3, form_code: 'salle-des-fetes', status: 'brouillon', assigned_account_id: null }
		]);
		expect(await installDemoData(ctx.db, ctx.clock)).toBe(false);
		expect(await installDemoQueue(ctx.db, ctx.clock)).toBe(false);
		expect(await ctx.db.selectFrom('demande').select('id').execute()).toHaveLength(11);
	});

	it('is nothing without the demo’s administrator', async () => {
		const ctx = await testApp();
		expect(await installDemoQueue(ctx.db, ctx.clock)).toBe(false);
		expect(await ctx.db.selectFrom('household').select('id').execute()).toHaveLength(0);
	});
});
