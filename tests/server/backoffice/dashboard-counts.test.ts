import { describe, expect, it } from 'vitest';
import type {
	DashboardCounts,
	PresencesDay
} from '../../../src/lib/domain/backoffice/dashboard/dashboard.ts';
import { expectError } from '../support/expect.ts';
import { json } from '../support/http-client.ts';
import { fileDocument } from '../support/requests.ts';
import { familiesAndAgent } from './familles-support.ts';

describe('GET /api/admin/dashboard', () => {
	it('counts each list right, and the day’s headcounts per activity', async () => {
		const f = await familiesAndAgent();
		const { ctx, dupin, martin } = f;
		// Two sent demandes: the MARTIN one taken by the agent, the DUPIN one sent again after a complément.
		await ctx.db
			.updateTable('demande')
			.set({ assigned_account_id: f.agentId })
			.where('id', '=', f.martinDemandeId)
			.execute();
		await ctx.db
			.insertInto('demande_history')
			.values({
				demande_id: f.dupinDemandeId,
				at: '2026-11-27T10:00:00Z',
				account_id: dupin.account.id,
				author: 'DUPIN Pascal',
				from_status: 'complement',
				to_status: 'envoyee',
				comment: null
			})
			.execute();
		await fileDocument(ctx, dupin, { type: 'attestation-caf' });
		await fileDocument(ctx, martin, { type: 'assurance-rc' });
		await fileDocument(ctx, martin, { type: 'assurance-rc', status: 'valide' });
		// A message's pièce jointe is not a justificatif to validate: not counted, as not listed.
		await fileDocument(ctx, martin, { type: 'piece-jointe' });
		const thread = await ctx.db
			.insertInto('message_thread')
			.values({
				household_id: dupin.account.householdId,
				demande_id: null,
				subject: 'Question',
				created_at: '2026-11-27T10:00:00Z',
				last_message_at: '2026-11-27T10:00:00Z'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const message = {
			thread_id: thread.id,
			household_id: dupin.account.householdId,
			client_id: null,
			account_id: dupin.account.id,
			subject: 'Question',
			body: 'Bonjour',
			created_at: '2026-11-27T10:00:00Z'
		};
		await ctx.db
			.insertInto('message')
			.values([
				{ ...message, author: 'famille', read_at: null },
				{ ...message, author: 'famille', read_at: '2026-11-27T11:00:00Z' },
				{ ...message, author: 'mairie', read_at: null }
			])
			.execute();
		const booking = { created_at: '2026-11-20T10:00:00Z', created_by: dupin.account.id };
		await ctx.db
			.insertInto('reservation')
			.values([
				{
					...booking,
					household_id: dupin.account.householdId,
					person_id: dupin.timId,
					activity_code: 'restauration-midi',
					service_date: '2026-11-28'
				},
				{
					...booking,
					household_id: martin.householdId,
					person_id: martin.leaId,
					activity_code: 'restauration-midi',
					service_date: '2026-11-28'
				},
				{
					...booking,
					household_id: martin.householdId,
					person_id: martin.leaId,
					activity_code: 'restauration-midi',
					service_date: '2026-11-30'
				}
			])
			.execute();
		const counts = await json<DashboardCounts>(await f.agent.get('/api/admin/dashboard'));
		expect(counts).toMatchObject({
			demandesATraiter: 1,
			complementsRecus: 1,
			justificatifsAValider: 2,
			messagesNonLus: 1,
			date: '2026-11-28'
		});
		expect(counts.presences.find((p) => p.activityCode === 'restauration-midi')).toMatchObject({ count: 2 });
		expect(counts.presences.filter((p) => p.count > 0)).toHaveLength(1);

		const day = await json<PresencesDay>(await f.agent.get('/api/admin/dashboard/presences?date=2026-11-28'));
		const midi = day.activities.find((a) => a.code === 'restauration-midi');
		expect(midi?.children.map((c) => [c.child, c.famille])).toEqual([
			['DUPIN Tim', 'DUPIN Pascal'],
			['MARTIN Léa', 'MARTIN Claire']
		]);
		await expectError(await f.agent.get('/api/admin/dashboard/presences?date=demain'), 400, {
			code: 'invalid_fields'
		});
		await expectError(await dupin.client.get('/api/admin/dashboard'), 403, { code: 'agents_only' });
	});
});
