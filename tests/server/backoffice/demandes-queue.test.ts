import { describe, expect, it } from 'vitest';
import type { QueuePage } from '../../../src/lib/domain/backoffice/demandes/queue-query.ts';
import { queueWorld, familyAnswers, sendContact } from '../support/demandes.ts';
import { expectError } from '../support/expect.ts';
import { json, type TestClient } from '../support/http-client.ts';
import { apply, draft } from '../support/requests.ts';

const page = (client: TestClient, query = '') =>
	client.get(`/api/admin/demandes${query}`).then(json<QueuePage>);
const numbers = (p: QueuePage) => p.rows.map((r) => r.number);

describe('GET /api/admin/demandes: the queue', () => {
	it('lists the sent demandes, never a draft, with the family, its e-mail and the total', async () => {
		const { ctx, dupin, martin, agent } = await queueWorld();
		await apply(ctx, dupin, 'save', draft());
		const a = await sendContact(ctx, dupin);
		ctx.clock.set('2026-11-28T10:00:00Z');
		const b = await sendContact(ctx, martin);
		const p = await page(agent);
		expect(p.total).toBe(2);
		expect(p.rows.map((r) => r.id)).toEqual([b.id, a.id]);
		expect(p.rows[1]).toMatchObject({
			formCode: 'contact-mairie',
			status: 'envoyee',
			famille: 'DUPIN Pascal',
			email: dupin.account.email,
			personLabel: 'DUPIN Pascal',
			agent: null,
			unread: 0
		});
	});

	it('searches accent- and case-insensitively by number, person, family names and e-mail', async () => {
		const { ctx, dupin, martin, agent } = await queueWorld();
		const a = await sendContact(ctx, dupin, 'Objet', 'Élodie Dupin');
		const b = await sendContact(ctx, martin);
		const only = async (q: string) =>
			(await page(agent, `?q=${encodeURIComponent(q)}`)).rows.map((r) => r.id);
		expect(await only('elodie')).toEqual([a.id]);
		expect(await only('ÉLODIE dupin')).toEqual([a.id]);
		expect(await only('martin')).toEqual([b.id]);
		expect(await only('claire.martin@')).toEqual([b.id]);
		expect(await only('100%')).toEqual([]);
		const bNumber = (
			await ctx.db.selectFrom('demande').select('number').where('id', '=', b.id).executeTakeFirstOrThrow()
		).number;
		expect(await only(String(bNumber))).toEqual([b.id]);
		expect(await only(`n° ${bNumber}`)).toEqual([b.id]);
	});

	it('filters by type, statut, dates, famille, agent, compléments reçus and messages non lus', async () => {
		const { ctx, dupin, martin, agent, agentId } = await queueWorld();
		const a = await sendContact(ctx, dupin);
		ctx.clock.set('2026-11-30T10:00:00Z');
		const b = await sendContact(ctx, martin);
		await ctx.db
			.updateTable('demande')
			.set({ status: 'en-cours', assigned_account_id: agentId })
			.where('id', '=', b.id)
			.execute();
		await familyAnswers(ctx, dupin, a.id, 'Voici ma réponse');
		const ids = async (q: string) => (await page(agent, q)).rows.map((r) => r.id);
		expect(await ids('?type=contact-mairie')).toEqual([b.id, a.id]);
		expect(await ids('?type=fiche-enfant')).toEqual([]);
		expect(await ids('?statut=en-cours')).toEqual([b.id]);
		expect(await ids('?du=2026-11-29')).toEqual([b.id]);
		expect(await ids('?au=2026-11-28')).toEqual([a.id]);
		expect(await ids(`?famille=${martin.account.householdId}`)).toEqual([b.id]);
		expect(await ids('?agent=moi')).toEqual([b.id]);
		expect(await ids(`?agent=${agentId}`)).toEqual([b.id]);
		expect(await ids('?agent=personne')).toEqual([a.id]);
		expect(await ids('?nonLus=1')).toEqual([a.id]);
		expect((await page(agent, '?nonLus=1')).rows[0]?.unread).toBe(1);
		expect(await ids('?complements=1')).toEqual([]);
		// Sent back for a complément, sent again by the family: "compléments reçus" until taken again.
		await ctx.db
			.insertInto('demande_history')
			.values({
				demande_id: a.id,
				at: '2026-11-30T11:00:00Z',
				account_id: dupin.account.id,
				author: 'DUPIN Pascal',
				from_status: 'complement',
				to_status: 'envoyee',
				comment: null
			})
			.execute();
		expect(await ids('?complements=1')).toEqual([a.id]);
		await ctx.db.updateTable('demande').set({ status: 'en-cours' }).where('id', '=', a.id).execute();
		expect(await ids('?complements=1')).toEqual([]);
	});

	it('sorts by each column, both ways, and pages by 50 with the total', async () => {
		const { ctx, dupin, martin, agent } = await queueWorld();
		const made = [];
		for (let i = 0; i < 3; i++) made.push((await sendContact(ctx, i === 1 ? martin : dupin)).id);
		const asc = numbers(await page(agent, '?tri=numero&ordre=asc'));
		expect(asc).toEqual([...asc].sort((x, y) => x - y));
		expect(numbers(await page(agent, '?tri=numero&ordre=desc'))).toEqual([...asc].reverse());
		const byFamily = (await page(agent, '?tri=famille&ordre=asc')).rows.map((r) => r.famille);
		expect(byFamily).toEqual(['DUPIN Pascal', 'DUPIN Pascal', 'MARTIN Claire']);
		for (const tri of ['date', 'type', 'statut', 'agent'])
			expect((await page(agent, `?tri=${tri}`)).total).toBe(3);
		const rows = Array.from({ length: 52 }, (_, i) => ({
			client_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
			number: 100 + i,
			household_id: dupin.account.householdId,
			form_code: 'contact-mairie',
			status: 'envoyee' as const,
			data_json: '{}',
			revision: 1,
			writer_id: 'w',
			writer_base: 0,
			created_at: '2026-11-01T00:00:00Z',
			created_by: dupin.account.id,
			updated_at: '2026-11-01T00:00:00Z',
			submitted_at: '2026-11-01T00:00:00Z',
			person_id: null,
			person_label: null,
			assigned_account_id: null
		}));
		await ctx.db.insertInto('demande').values(rows).execute();
		const first = await page(agent);
		expect(first).toMatchObject({ total: 55, page: 1, pageSize: 50 });
		expect(first.rows).toHaveLength(50);
		const second = await page(agent, '?page=2');
		expect(second.rows).toHaveLength(5);
		expect(made.every((id) => first.rows.some((r) => r.id === id))).toBe(true);
	});

	it('refuses a query out of bounds, beside its field', async () => {
		const { agent } = await queueWorld();
		await expectError(await agent.get(`/api/admin/demandes?q=${'a'.repeat(101)}`), 400, {
			fields: { q: true }
		});
		await expectError(await agent.get('/api/admin/demandes?statut=brouillon'), 400, {
			fields: { statut: true }
		});
		await expectError(await agent.get('/api/admin/demandes?page=0'), 400, { fields: { page: true } });
		await expectError(await agent.get('/api/admin/demandes?tri=x'), 400, { fields: { tri: true } });
		await expectError(await agent.get('/api/admin/demandes?famille=-1'), 400, { fields: { famille: true } });
	});
});
