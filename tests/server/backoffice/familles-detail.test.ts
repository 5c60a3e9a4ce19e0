import { describe, expect, it } from 'vitest';
import type { FamilleDetail } from '../../../src/lib/domain/backoffice/familles/familles.ts';
import { expectError } from '../support/expect.ts';
import { json } from '../support/http-client.ts';
import { readOutbox } from '../support/mailbox.ts';
import { fileDocument } from '../support/requests.ts';
import { familiesAndAgent } from './familles-support.ts';

describe('GET /api/admin/familles/:id', () => {
	it('shows the members, bookings, demandes, documents and ledger of the household only', async () => {
		const f = await familiesAndAgent();
		const { ctx, dupin } = f;
		const householdId = dupin.account.householdId;
		await fileDocument(ctx, dupin, { type: 'attestation-caf', personId: dupin.account.personId });
		await fileDocument(ctx, f.martin, { type: 'assurance-rc' });
		await ctx.db
			.insertInto('reservation')
			.values([
				{
					household_id: householdId,
					person_id: dupin.timId,
					activity_code: 'restauration-midi',
					service_date: '2026-12-01',
					created_at: '2026-11-20T10:00:00Z',
					created_by: dupin.account.id
				},
				{
					household_id: householdId,
					person_id: dupin.timId,
					activity_code: 'restauration-midi',
					service_date: '2027-02-01',
					created_at: '2026-11-20T10:00:00Z',
					created_by: dupin.account.id
				}
			])
			.execute();
		await ctx.db
			.insertInto('ledger_entry')
			.values([
				{
					household_id: householdId,
					value_date: '2026-11-02',
					recorded_at: '2026-11-02T10:00:00Z',
					label: 'Recharge',
					sublabel: '',
					credit_cents: 2500000,
					debit_cents: 0,
					kind: 'recharge',
					person_id: null,
					activity_code: null
				},
				{
					household_id: householdId,
					value_date: '2026-11-03',
					recorded_at: '2026-11-03T10:00:00Z',
					label: 'Cantine',
					sublabel: 'DUPIN Tim',
					debit_cents: 410,
					credit_cents: 0,
					kind: 'presence',
					person_id: dupin.timId,
					activity_code: 'restauration-midi'
				}
			])
			.execute();
		const detail = await json<FamilleDetail>(await f.agent.get(`/api/admin/familles/${householdId}`));
		expect(detail.profile.household.children.map((c) => c.prenom)).toEqual(['Tim']);
		expect(detail.profile.household.adults.map((c) => c.prenom)).toEqual(['Pascal']);
		expect(detail.demandes).toEqual([
			expect.objectContaining({ id: f.dupinDemandeId, status: 'envoyee', statusLabel: 'Envoyée' })
		]);
		expect(detail.documents).toHaveLength(1);
		expect(detail.documents[0]).toMatchObject({ person: 'DUPIN Pascal', status: 'a-valider' });
		expect(detail.documents[0]?.url).toBe(`/api/admin/documents/${detail.documents[0]?.id}/fichier`);
		// 28 November: 1 December is within the next 30 days, 1 February is not.
		expect(detail.bookings.rows.flatMap((r) => r.dates)).toEqual(['2026-12-01']);
		expect(detail.ledger.balance).toBe('24\u202f995,90 €');
		expect(detail.ledger.lines.map((l) => l.label)).toEqual(['Cantine', 'Recharge']);
	});

	it("is 404 for an unknown household, a malformed id and the town's household", async () => {
		const f = await familiesAndAgent();
		const town = await f.ctx.db
			.selectFrom('household')
			.select('id')
			.where('kind', '=', 'mairie')
			.executeTakeFirstOrThrow();
		await expectError(await f.agent.get(`/api/admin/familles/${town.id}`), 404, { code: 'not_found' });
		await expectError(await f.agent.get('/api/admin/familles/999999'), 404, { code: 'not_found' });
		await expectError(await f.agent.get('/api/admin/familles/abc'), 404, { code: 'not_found' });
		await expectError(await f.dupin.client.get(`/api/admin/familles/${f.dupin.account.householdId}`), 403, {
			code: 'agents_only'
		});
	});
});

describe('POST /api/admin/familles/:id/messages', () => {
	it('writes to the family, with or without a demande, with its audit line and e-mail notice', async () => {
		const f = await familiesAndAgent();
		const householdId = f.dupin.account.householdId;
		const res = await f.agent.post(`/api/admin/familles/${householdId}/messages`, {
			sujet: 'Information',
			message: 'La cantine ferme le 24 décembre.'
		});
		expect(res.status).toBe(201);
		const about = await f.agent.post(`/api/admin/familles/${householdId}/messages`, {
			sujet: 'Votre demande',
			message: 'Merci de nous appeler.',
			demandeId: f.dupinDemandeId
		});
		expect(about.status).toBe(201);
		const threads = await f.ctx.db
			.selectFrom('message_thread')
			.select(['household_id', 'demande_id', 'subject'])
			.orderBy('id')
			.execute();
		expect(threads).toEqual([
			{ household_id: householdId, demande_id: null, subject: 'Information' },
			{ household_id: householdId, demande_id: f.dupinDemandeId, subject: 'Votre demande' }
		]);
		const audit = await f.ctx.db
			.selectFrom('audit_log')
			.select(['action', 'account_id', 'household_id', 'target_type'])
			.execute();
		expect(audit).toEqual([
			{ action: 'message.envoyer', account_id: f.agentId, household_id: householdId, target_type: 'message' },
			{ action: 'message.envoyer', account_id: f.agentId, household_id: householdId, target_type: 'message' }
		]);
		await f.ctx.mail.drain();
		const notices = readOutbox(f.ctx.dataDir).filter((m) => m.subject.includes('nouveau message'));
		expect(notices.map((m) => m.to)).toEqual(['pascal.dupin@example.com', 'pascal.dupin@example.com']);
	});

	it("refuses another household's demande (404), an empty message, and writes nothing", async () => {
		const f = await familiesAndAgent();
		const householdId = f.dupin.account.householdId;
		await expectError(
			await f.agent.post(`/api/admin/familles/${householdId}/messages`, {
				sujet: 'Information',
				message: 'Bonjour.',
				demandeId: f.martinDemandeId
			}),
			404,
			{ code: 'not_found' }
		);
		const empty = await expectError(
			await f.agent.post(`/api/admin/familles/${householdId}/messages`, { sujet: ' ', message: '' }),
			400,
			{ code: 'invalid_fields' }
		);
		expect(Object.keys(empty.fields ?? {}).sort()).toEqual(['message', 'sujet']);
		const town = await f.ctx.db
			.selectFrom('household')
			.select('id')
			.where('kind', '=', 'mairie')
			.executeTakeFirstOrThrow();
		await expectError(
			await f.agent.post(`/api/admin/familles/${town.id}/messages`, { sujet: 'A', message: 'B.' }),
			404,
			{ code: 'not_found' }
		);
		expect(await f.ctx.db.selectFrom('message').selectAll().execute()).toEqual([]);
		expect(await f.ctx.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
	});
});
