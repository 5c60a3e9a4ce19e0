import { describe, expect, it } from 'vitest';
import { REFUSED_SUBJECT } from '../../../server/backoffice/documents/document-decision.ts';
import { requestsVersion } from '../support/documents.ts';
import { readOutbox } from '../support/mailbox.ts';
import { expectError } from '../support/expect.ts';
import { TestClient } from '../support/http-client.ts';
import { signInAgent } from '../support/agents.ts';
import { apply, draft } from '../support/requests.ts';
import { queueWithDemande } from './documents-support.ts';

const decide = (agent: TestClient, id: number, body: unknown) =>
	agent.post(`/api/admin/documents/${id}/decision`, body);

describe('POST /api/admin/documents/:id/decision', () => {
	it('validates with the expiry chosen, writes the audit line and raises the family’s version', async () => {
		const { ctx, agent, agentId, dupin, livretId } = await queueWithDemande();
		const version = await requestsVersion(ctx, dupin.account.householdId);
		const res = await decide(agent, livretId, { statut: 'valide', expiresOn: null });
		expect(res.status).toBe(200);
		const row = await ctx.db
			.selectFrom('document')
			.selectAll()
			.where('id', '=', livretId)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'valide', expires_on: null, reason: null, decided_by: agentId });
		expect(await requestsVersion(ctx, dupin.account.householdId)).toBe(version + 1);
		const audit = await ctx.db.selectFrom('audit_log').selectAll().execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			account_id: agentId,
			action: 'document.valider',
			target_type: 'document',
			target_id: livretId,
			household_id: dupin.account.householdId
		});
		expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ status: 'valide' });
		// No message for a valid one.
		expect(await ctx.db.selectFrom('message').selectAll().execute()).toHaveLength(0);
	});

	it('refuses with the reason: a message on the demande using it, then the e-mail notice', async () => {
		const { ctx, agent, dupin, livretId } = await queueWithDemande();
		const res = await decide(agent, livretId, { statut: 'invalide', motif: '  Document illisible.  ' });
		expect(res.status).toBe(200);
		const row = await ctx.db
			.selectFrom('document')
			.selectAll()
			.where('id', '=', livretId)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'invalide', reason: 'Document illisible.' });
		const messages = await ctx.db.selectFrom('message').selectAll().execute();
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({ subject: REFUSED_SUBJECT, household_id: dupin.account.householdId });
		expect(messages[0]?.body).toContain('Livret de famille intégral ou acte de naissance de DUPIN Tim');
		expect(messages[0]?.body).toContain('Document illisible.');
		const thread = await ctx.db.selectFrom('message_thread').selectAll().executeTakeFirstOrThrow();
		const demande = await ctx.db.selectFrom('demande').select('id').executeTakeFirstOrThrow();
		expect(thread.demande_id).toBe(demande.id);
		const audit = await ctx.db.selectFrom('audit_log').select('action').execute();
		expect(audit).toEqual([{ action: 'document.refuser' }]);
		await ctx.mail.drain();
		const notice = readOutbox(ctx.dataDir).filter((m) => m.to === 'pascal.dupin@example.com');
		expect(notice.map((m) => m.subject)).toEqual([expect.stringMatching(/nouveau message de la mairie/)]);
	});

	it('refuses a missing or too long reason, a past or impossible expiry, an unknown status', async () => {
		const { ctx, agent, livretId } = await queueWithDemande();
		await expectError(await decide(agent, livretId, { statut: 'invalide', motif: '   ' }), 400, {
			fields: { motif: /motif du refus/ }
		});
		await expectError(await decide(agent, livretId, { statut: 'invalide', motif: 'x'.repeat(501) }), 400, {
			fields: { motif: /500 caractères/ }
		});
		await expectError(await decide(agent, livretId, { statut: 'valide', expiresOn: '2026-11-27' }), 400, {
			fields: { expiresOn: /passée/ }
		});
		await expectError(await decide(agent, livretId, { statut: 'valide', expiresOn: '2027-02-30' }), 400, {
			fields: { expiresOn: /n’existe pas/ }
		});
		await expectError(await decide(agent, livretId, { statut: 'a-valider' }), 400);
		await expectError(await decide(agent, 999999, { statut: 'valide', expiresOn: null }), 404);
		await expectError(await decide(agent, livretId, 'x'), 400);
		// Today itself is still valid.
		expect((await decide(agent, livretId, { statut: 'valide', expiresOn: '2026-11-28' })).status).toBe(200);
		const row = await ctx.db
			.selectFrom('document')
			.select('status')
			.where('id', '=', livretId)
			.executeTakeFirstOrThrow();
		expect(row.status).toBe('valide');
	});

	it('gives 409 to the second agent deciding the same document, and changes nothing more', async () => {
		const { ctx, agent, livretId } = await queueWithDemande();
		const other = new TestClient(ctx.app);
		await signInAgent(ctx, other, { role: 'agent', username: 'agent.autre' });
		const [a, b] = await Promise.all([
			decide(agent, livretId, { statut: 'valide', expiresOn: null }),
			decide(other, livretId, { statut: 'invalide', motif: 'Illisible.' })
		]);
		expect([a.status, b.status].sort()).toEqual([200, 409]);
		await expectError(await decide(agent, livretId, { statut: 'invalide', motif: 'Encore.' }), 409, {
			code: 'already_decided'
		});
		expect(await ctx.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(1);
	});

	it('refuses a family (403) and a signed-out visitor (401)', async () => {
		const { ctx, dupin, livretId } = await queueWithDemande();
		await expectError(await decide(dupin.client, livretId, { statut: 'valide', expiresOn: null }), 403);
		await expectError(
			await decide(new TestClient(ctx.app), livretId, { statut: 'valide', expiresOn: null }),
			401
		);
	});

	it('lets a later demande reuse the valid document of that type and person', async () => {
		const { ctx, agent, dupin, livretId } = await queueWithDemande();
		await decide(agent, livretId, { statut: 'valide', expiresOn: null });
		const later = draft({ data: { enfant: { personId: dupin.timId, nom: 'DUPIN Tim' } } });
		await apply(ctx, dupin, 'submit', later);
		const linked = await ctx.db
			.selectFrom('demande_document')
			.innerJoin('demande', 'demande.id', 'demande_document.demande_id')
			.select(['demande_document.document_id'])
			.where('demande.client_id', '=', later.demandeId)
			.where('demande_document.type', '=', 'livret-famille')
			.executeTakeFirstOrThrow();
		expect(linked.document_id).toBe(livretId);
	});
});
