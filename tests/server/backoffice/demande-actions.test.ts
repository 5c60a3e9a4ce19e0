import { describe, expect, it } from 'vitest';
import type { DemandeDetail } from '../../../src/lib/domain/backoffice/demandes/demande-actions.ts';
import { SYNC_SCHEMA_VERSION } from '../../../src/lib/domain/sync/protocol.ts';
import { readResourceVersion } from '../../../server/sync/resource-version.ts';
import { familyAnswers, queueWorld, sendContact } from '../support/demandes.ts';
import { expectError } from '../support/expect.ts';
import { json, type TestClient } from '../support/http-client.ts';
import { readOutbox } from '../support/mailbox.ts';
import type { TestCtx } from '../support/test-app.ts';

const detail = (agent: TestClient, id: number) =>
	agent.get(`/api/admin/demandes/${id}`).then(json<DemandeDetail>);
const act = (agent: TestClient, id: number, action: string, body: unknown) =>
	agent.post(`/api/admin/demandes/${id}/${action}`, body);
/** The action on the revision the agent's page shows now. */
const actNow = async (agent: TestClient, id: number, action: string, extra: object = {}) =>
	act(agent, id, action, { revision: (await detail(agent, id)).revision, ...extra });

async function auditActions(ctx: TestCtx) {
	const rows = await ctx.db.selectFrom('audit_log').select(['action', 'target_id']).orderBy('id').execute();
	return rows.map((r) => `${r.action}:${r.target_id}`);
}

/** What the family's devices pull of the town's messages: subjects and bodies. */
async function familyMessages(client: TestClient): Promise<string[]> {
	const res = await client.get(`/api/messages/pull?schemaVersion=${SYNC_SCHEMA_VERSION}`);
	expect(res.status).toBe(200);
	const whole = (await res.json()) as { threads: { messages: { subject: string; body: string }[] }[] };
	return whole.threads.flatMap((t) => t.messages.map((m) => `${m.subject} | ${m.body}`));
}

describe('GET /api/admin/demandes/:id: the detail', () => {
	it('shows the recap, history, family and the actions the status allows', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const { id } = await sendContact(ctx, dupin, 'Horaires', 'DUPIN Pascal');
		const d = await detail(agent, id);
		expect(d).toMatchObject({
			id,
			formCode: 'contact-mairie',
			status: 'envoyee',
			famille: 'DUPIN Pascal',
			householdId: dupin.account.householdId,
			agent: null,
			actions: ['prendre', 'accepter', 'refuser', 'complement'],
			notes: [],
			messages: []
		});
		expect(JSON.stringify(d.recap)).toContain('Horaires');
		expect(d.history.map((h) => h.to)).toEqual(['brouillon', 'envoyee']);
	});

	it('answers 404 for an unknown demande, a draft (the family’s until sent) and a malformed id', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const { id } = await sendContact(ctx, dupin);
		await ctx.db.updateTable('demande').set({ status: 'brouillon' }).where('id', '=', id).execute();
		await expectError(await agent.get(`/api/admin/demandes/${id}`), 404, { code: 'not_found' });
		await expectError(await agent.get('/api/admin/demandes/999999'), 404, { code: 'not_found' });
		// Malformed as unknown, in the detail as in an action: nothing told about the id's form.
		await expectError(await agent.get('/api/admin/demandes/abc'), 404, { code: 'not_found' });
		await expectError(await agent.post('/api/admin/demandes/0/prendre', { revision: 1 }), 404, {
			code: 'not_found'
		});
	});

	it('puts the family’s unread answers first; read once the page says so, the family’s devices told', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const { id } = await sendContact(ctx, dupin);
		await actNow(agent, id, 'prendre');
		await familyAnswers(ctx, dupin, id, 'Voici ma réponse');
		const before = await readResourceVersion(ctx.db, dupin.account.householdId, 'messages');
		const first = await detail(agent, id);
		expect(first.messages[0]).toMatchObject({ author: 'famille', body: 'Voici ma réponse', unread: true });
		expect(first.messages).toHaveLength(2);
		// A GET changes nothing (another site's link could send one): the page says it read them.
		expect((await detail(agent, id)).messages[0]?.unread).toBe(true);
		expect(await readResourceVersion(ctx.db, dupin.account.householdId, 'messages')).toBe(before);
		expect(await (await agent.post(`/api/admin/demandes/${id}/lus`)).json()).toEqual({ read: 1 });
		expect(await readResourceVersion(ctx.db, dupin.account.householdId, 'messages')).toBeGreaterThan(before);
		expect(await (await agent.post(`/api/admin/demandes/${id}/lus`)).json()).toEqual({ read: 0 });
		await expectError(await agent.post('/api/admin/demandes/999999/lus'), 404, { code: 'not_found' });
		const again = await detail(agent, id);
		expect(again.messages.map((m) => m.unread)).toEqual([false, false]);
		expect(again.messages.map((m) => m.author)).toEqual(['mairie', 'famille']);
	});
});

describe('POST /api/admin/demandes/:id/:action', () => {
	it('Prendre en charge: En cours de traitement, assigned to me, history, message, audit and notice', async () => {
		const { ctx, dupin, agent, agentId } = await queueWorld();
		const { id } = await sendContact(ctx, dupin);
		const res = await actNow(agent, id, 'prendre');
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ status: 'en-cours' });
		const d = await detail(agent, id);
		expect(d).toMatchObject({ status: 'en-cours', assignedAccountId: agentId, agent: 'AGENT Marie' });
		expect(d.history.map((h) => `${h.from}→${h.to} ${h.author}`)).toEqual([
			'null→brouillon DUPIN Pascal',
			'brouillon→envoyee DUPIN Pascal',
			'envoyee→en-cours AGENT Marie'
		]);
		expect(await auditActions(ctx)).toEqual([`demande.prendre:${id}`]);
		expect((await familyMessages(dupin.client))[0]).toMatch(
			/^Demande prise en charge \| La mairie a pris en charge/
		);
		await ctx.mail.drain();
		const notice = readOutbox(ctx.dataDir).at(-1);
		expect(notice?.to).toContain(dupin.account.email);
		// The notice is a link: no word of the demande in the e-mail.
		expect(notice?.text).not.toContain('Horaires');
	});

	it('Refuser needs a reason, Demander un complément a message: 400 beside the field, nothing written', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const { id } = await sendContact(ctx, dupin);
		const refused = await expectError(await actNow(agent, id, 'refuser', { text: '  ' }), 400, {
			code: 'invalid_fields'
		});
		expect(refused.fields).toHaveProperty('text');
		await expectError(await actNow(agent, id, 'complement'), 400, { code: 'invalid_fields' });
		// A zero-width space is no reason, a bidi override no text.
		await expectError(await actNow(agent, id, 'refuser', { text: '\u200b' }), 400, {
			code: 'invalid_fields'
		});
		await expectError(await actNow(agent, id, 'refuser', { text: 'Non \u202e' }), 400, {
			fields: { text: 'Caractère non autorisé.' }
		});
		expect((await detail(agent, id)).status).toBe('envoyee');
		expect(await auditActions(ctx)).toEqual([]);
	});

	it('Refuser with its reason: Refusée, the reason in the family’s message and the history', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const { id } = await sendContact(ctx, dupin);
		const res = await actNow(agent, id, 'refuser', { text: 'Demande hors compétence' });
		expect(res.status).toBe(200);
		const d = await detail(agent, id);
		expect(d.status).toBe('refusee');
		expect(d.actions).toEqual([]);
		expect(d.history.at(-1)?.comment).toBe('Demande hors compétence');
		expect((await familyMessages(dupin.client))[0]).toContain('Motif : Demande hors compétence');
	});

	it('Demander un complément: the family can edit and send again, then the agent accepts it (Clos)', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const { id } = await sendContact(ctx, dupin);
		await actNow(agent, id, 'complement', { text: 'Précisez votre question.' });
		const d = await detail(agent, id);
		expect(d.status).toBe('complement');
		expect((await familyMessages(dupin.client))[0]).toContain('Précisez votre question.');
		// The family's list names the thread by what the town said last.
		const pulled = await dupin.client.get(`/api/messages/pull?schemaVersion=${SYNC_SCHEMA_VERSION}`);
		expect(((await pulled.json()) as { threads: { subject: string }[] }).threads[0]?.subject).toBe(
			'Complément demandé'
		);
		const accepted = await act(agent, id, 'accepter', { revision: d.revision });
		expect(accepted.status).toBe(200);
		expect((await detail(agent, id)).status).toBe('clos');
		expect(await auditActions(ctx)).toEqual([`demande.complement:${id}`, `demande.accepter:${id}`]);
	});

	it('refuses an action the status does not allow, and an unknown action', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const { id } = await sendContact(ctx, dupin);
		await actNow(agent, id, 'accepter');
		await expectError(await actNow(agent, id, 'refuser', { text: 'Non' }), 409, {
			code: 'action_impossible'
		});
		const unknown = await actNow(agent, id, 'supprimer');
		expect(unknown.status).toBe(400);
	});

	it('Accepter applies in the status change’s transaction: a salle’s day taken leaves all unchanged', async () => {
		const { ctx, dupin, martin, agent } = await queueWorld();
		const first = await sendContact(ctx, martin);
		const { id } = await sendContact(ctx, dupin);
		await ctx.db
			.updateTable('demande')
			.set({ form_code: 'salle-des-fetes' })
			.where('id', 'in', [first.id, id])
			.execute();
		await ctx.db
			.insertInto('hall_day')
			.values([
				{ day: '2027-01-16', demande_id: first.id, state: 'demandee' },
				{ day: '2027-01-16', demande_id: id, state: 'demandee' }
			])
			.execute();
		expect((await actNow(agent, first.id, 'accepter')).status).toBe(200);
		const before = await detail(agent, id);
		await expectError(await actNow(agent, id, 'accepter'), 409, { code: 'hall_day_taken' });
		const after = await detail(agent, id);
		expect(after).toMatchObject({ status: before.status, revision: before.revision });
		expect(after.history).toEqual(before.history);
		expect(await auditActions(ctx)).toEqual([`demande.accepter:${first.id}`]);
		expect(await familyMessages(dupin.client)).toEqual([]);
	});

	it('two agents at once on one revision: one applies, the other is told it changed, nothing twice', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const { id } = await sendContact(ctx, dupin);
		const { revision } = await detail(agent, id);
		const [a, b] = await Promise.all([
			act(agent, id, 'accepter', { revision }),
			act(agent, id, 'refuser', { revision, text: 'Non' })
		]);
		expect([a.status, b.status].sort()).toEqual([200, 409]);
		const loser = a.status === 409 ? a : b;
		expect(((await loser.json()) as { error: { code: string } }).error.code).toBe('demande_changed');
		const d = await detail(agent, id);
		expect(d.history).toHaveLength(3);
		expect(await auditActions(ctx)).toHaveLength(1);
		expect(await familyMessages(dupin.client)).toHaveLength(1);
		// A stale revision alone is refused the same way.
		await expectError(await act(agent, id, 'prendre', { revision }), 409, { code: 'demande_changed' });
	});
});

describe('the demande’s thread and private notes', () => {
	it('Envoyer writes in the demande’s thread without changing its status', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const { id } = await sendContact(ctx, dupin);
		await expectError(await agent.post(`/api/admin/demandes/${id}/messages`, { body: ' ' }), 400, {
			code: 'invalid_fields'
		});
		const res = await agent.post(`/api/admin/demandes/${id}/messages`, { body: 'Nous ouvrons à 9 h.' });
		expect(res.status).toBe(200);
		const d = await detail(agent, id);
		expect(d.status).toBe('envoyee');
		expect(d.messages.map((m) => m.body)).toEqual(['Nous ouvrons à 9 h.']);
		expect(await familyMessages(dupin.client)).toEqual(['Information | Nous ouvrons à 9 h.']);
		expect(await auditActions(ctx)).toHaveLength(1);
	});

	it('keeps the annotations privées for agents: never in what the family pulls', async () => {
		const { ctx, dupin, agent } = await queueWorld();
		const { id } = await sendContact(ctx, dupin);
		await expectError(await agent.post(`/api/admin/demandes/${id}/notes`, { body: '' }), 400, {
			code: 'invalid_fields'
		});
		const res = await agent.post(`/api/admin/demandes/${id}/notes`, {
			body: 'Famille connue, rappeler lundi'
		});
		expect(res.status).toBe(200);
		expect((await detail(agent, id)).notes).toEqual([
			expect.objectContaining({ author: 'AGENT Marie', body: 'Famille connue, rappeler lundi' })
		]);
		const pulls = [
			await dupin.client.get(`/api/messages/pull?schemaVersion=${SYNC_SCHEMA_VERSION}`),
			await dupin.client.get(`/api/requests/pull?schemaVersion=${SYNC_SCHEMA_VERSION}`)
		];
		for (const pull of pulls) {
			expect(pull.status).toBe(200);
			expect(await pull.text()).not.toContain('rappeler lundi');
		}
		await expectError(await agent.post('/api/admin/demandes/999999/notes', { body: 'x' }), 404, {
			code: 'not_found'
		});
	});
});
