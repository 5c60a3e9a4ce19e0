import { describe, expect, it } from 'vitest';
import { create, pushOne } from '../support/agenda.ts';
import { signInAgent } from '../support/agents.ts';
import { expectError } from '../support/expect.ts';
import { TestClient } from '../support/http-client.ts';
import { twoHouseholds } from '../support/requests.ts';

const url = (householdId: number, personId: number) =>
	`/api/admin/familles/${householdId}/enfants/${personId}/inscriptions`;

async function world() {
	const homes = await twoHouseholds();
	const agent = new TestClient(homes.ctx.app);
	const { accountId } = await signInAgent(homes.ctx, agent, { role: 'agent' });
	return { ...homes, agent, agentId: accountId };
}

async function sessionsOf(homes: Awaited<ReturnType<typeof world>>, personId: number) {
	const rows = await homes.ctx.db
		.selectFrom('activity_enrolment')
		.select('session')
		.where('person_id', '=', personId)
		.orderBy('session')
		.execute();
	return rows.map((r) => r.session);
}

describe('POST /api/admin/familles/:id/enfants/:personId/inscriptions', () => {
	it('replaces the sessions: a lost one cancels and refunds the future bookings, with the audit line and a message', async () => {
		const w = await world();
		const { ctx, dupin, agent } = w;
		const household = dupin.account.householdId;
		expect(await sessionsOf(w, dupin.timId)).toContain('restauration-scolaire');
		expect((await pushOne(dupin.client, create(dupin.timId, 'restauration-midi', '2026-12-03'))).status).toBe(
			'applied'
		);
		const kept = (await sessionsOf(w, dupin.timId)).filter((s) => s !== 'restauration-scolaire');

		const res = await agent.post(url(household, dupin.timId), { sessions: kept });
		expect(res.status).toBe(200);
		const { changes } = (await res.json()) as { changes: string[] };
		expect(changes).toContain('Désinscrit de : Restauration scolaire');
		expect(changes).toContain('Réservations à venir annulées et remboursées : 1');
		expect(await sessionsOf(w, dupin.timId)).toEqual(kept);
		const booking = await ctx.db
			.selectFrom('reservation')
			.select('service_date')
			.where('person_id', '=', dupin.timId)
			.where('activity_code', '=', 'restauration-midi')
			.execute();
		expect(booking).toEqual([]);
		const audit = await ctx.db.selectFrom('audit_log').selectAll().execute();
		expect(audit).toEqual([
			expect.objectContaining({
				action: 'famille.inscriptions',
				target_type: 'person',
				target_id: dupin.timId
			})
		]);
		const message = await ctx.db
			.selectFrom('message')
			.select(['subject', 'household_id'])
			.executeTakeFirstOrThrow();
		expect(message).toEqual({ subject: 'Information', household_id: household });

		// The same sessions again: nothing changes, nothing is written.
		const again = await agent.post(url(household, dupin.timId), { sessions: kept });
		expect(await again.json()).toEqual({ changes: [] });
		expect(await ctx.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(1);
	});

	it('refuses an unknown session, a session twice, another household’s child, an adult and a family', async () => {
		const w = await world();
		const { dupin, martin, agent } = w;
		const household = dupin.account.householdId;
		await expectError(await agent.post(url(household, dupin.timId), { sessions: ['piscine'] }), 400, {
			fields: { 'sessions.0': true }
		});
		await expectError(
			await agent.post(url(household, dupin.timId), { sessions: ['garderie', 'garderie'] }),
			400
		);
		const lea = await w.ctx.db
			.selectFrom('person')
			.select('id')
			.where('household_id', '=', martin.account.householdId)
			.where('role', '=', 'enfant')
			.executeTakeFirstOrThrow();
		await expectError(await agent.post(url(household, lea.id), { sessions: [] }), 404, { code: 'not_found' });
		await expectError(await agent.post(url(household, dupin.account.personId), { sessions: [] }), 404, {
			code: 'not_found'
		});
		await expectError(await agent.post(url(household, 0), { sessions: [] }), 404);
		await expectError(await dupin.client.post(url(household, dupin.timId), { sessions: [] }), 403);
		expect(await sessionsOf(w, dupin.timId)).toContain('restauration-scolaire');
	});
});
