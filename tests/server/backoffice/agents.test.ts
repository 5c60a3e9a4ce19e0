import { describe, expect, it } from 'vitest';
import { disableAgent } from '../../../server/backoffice/agents/agent-status-changes.ts';
import { login, mailsTo } from '../support/accounts.ts';
import { AGENT_PASSWORD, signInAgent } from '../support/agents.ts';
import { expectError } from '../support/expect.ts';
import { json, TestClient } from '../support/http-client.ts';
import { tokenFrom } from '../support/mailbox.ts';
import { withSignedInPascal } from '../support/profile.ts';
import { testApp, type TestCtx } from '../support/test-app.ts';

const NEW_AGENT = { email: 'Lea.Martin@Mairie.example.fr', prenom: 'Léa', nom: 'Martin', role: 'agent' };

async function withAdmin() {
	const ctx = await testApp();
	const admin = new TestClient(ctx.app);
	const { accountId } = await signInAgent(ctx, admin, { role: 'administrateur', username: 'admin.mairie' });
	return { ctx, admin, adminId: accountId };
}

type Agents = { agents: { id: number; identifiant: string; status: string; role: string; email: string }[] };
const agents = async (admin: TestClient) => (await json<Agents>(await admin.get('/api/admin/agents'))).agents;
const audit = (ctx: TestCtx) => ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();

/** Invites Léa and activates her account through the mailed link; `lea` ends signed in. */
async function inviteAndActivate(ctx: TestCtx, admin: TestClient) {
	const res = await admin.post('/api/admin/agents', NEW_AGENT);
	expect(res.status, await res.clone().text()).toBe(201);
	const { id } = await json<{ id: number }>(res);
	const [mail] = await mailsTo(ctx, 'lea.martin@mairie.example.fr');
	const jeton = tokenFrom(mail, '/mot-de-passe/nouveau');
	const lea = new TestClient(ctx.app);
	const done = await lea.post('/api/accounts/password-reset', {
		jeton,
		motDePasse: AGENT_PASSWORD,
		confirmation: AGENT_PASSWORD
	});
	expect(done.status).toBe(200);
	return { id, lea, jeton };
}

describe('inviting an agent', () => {
	it('creates the account, mails a 7-day link that sets the password and signs the agent in', async () => {
		const { ctx, admin, adminId } = await withAdmin();
		const res = await admin.post('/api/admin/agents', NEW_AGENT);
		expect(res.status).toBe(201);
		const { id, identifiant } = await json<{ id: number; identifiant: string }>(res);
		expect(identifiant).toBe('lea.martin');
		expect((await agents(admin)).find((a) => a.id === id)).toMatchObject({
			identifiant: 'lea.martin',
			email: 'lea.martin@mairie.example.fr',
			role: 'agent',
			status: 'invitation-envoyee'
		});
		const [mail] = await mailsTo(ctx, 'lea.martin@mairie.example.fr');
		expect(mail?.subject).toMatch(/^Activez votre compte agent/);
		expect(mail?.text).toContain('lea.martin');
		const jeton = tokenFrom(mail, '/mot-de-passe/nouveau');
		const token = await ctx.db
			.selectFrom('account_token')
			.selectAll()
			.where('account_id', '=', id)
			.executeTakeFirstOrThrow();
		expect(token.purpose).toBe('agent-activation');
		expect(Date.parse(token.expires_at) - ctx.clock.now().getTime()).toBe(7 * 86_400_000);
		// The page says what the link is for.
		const lea = new TestClient(ctx.app);
		expect(await json(await lea.get(`/api/accounts/password-reset?jeton=${jeton}`))).toEqual({
			identifiant: 'lea.martin',
			usage: 'agent-activation'
		});
		const done = await lea.post('/api/accounts/password-reset', {
			jeton,
			motDePasse: AGENT_PASSWORD,
			confirmation: AGENT_PASSWORD
		});
		expect((await json<{ account: { role: string } }>(done)).account.role).toBe('agent');
		expect((await lea.get('/api/admin/dashboard')).status).toBe(200);
		// Single use.
		await expectError(
			await new TestClient(ctx.app).post('/api/accounts/password-reset', {
				jeton,
				motDePasse: AGENT_PASSWORD,
				confirmation: AGENT_PASSWORD
			}),
			410
		);
		expect((await agents(admin)).find((a) => a.id === id)?.status).toBe('actif');
		const [line] = await audit(ctx);
		expect(line).toMatchObject({
			account_id: adminId,
			action: 'agent.inviter',
			target_type: 'account',
			target_id: id
		});
		expect(JSON.parse(line?.after_json ?? '')).toMatchObject({
			email: 'lea.martin@mairie.example.fr',
			role: 'agent'
		});
	});

	it('refuses an expired link', async () => {
		const { ctx, admin } = await withAdmin();
		await admin.post('/api/admin/agents', NEW_AGENT);
		const jeton = tokenFrom((await mailsTo(ctx, 'lea.martin@mairie.example.fr'))[0], '/mot-de-passe/nouveau');
		ctx.clock.set(new Date(ctx.clock.now().getTime() + 7 * 86_400_000 + 1000).toISOString());
		await expectError(await new TestClient(ctx.app).get(`/api/accounts/password-reset?jeton=${jeton}`), 410);
	});

	it('says beside the field an e-mail already used, by an agent or a family, and bounds every field', async () => {
		const { ctx, admin } = await withAdmin();
		await expectError(
			await admin.post('/api/admin/agents', { ...NEW_AGENT, email: 'ADMIN.mairie@mairie.example.fr' }),
			409,
			{
				code: 'email_taken',
				fields: { email: 'Cette adresse électronique est déjà celle d’un compte du portail.' }
			}
		);
		await expectError(
			await admin.post('/api/admin/agents', { email: 'x', prenom: ' ', nom: 'a'.repeat(81), role: 'chef' }),
			400,
			{
				fields: {
					email: true,
					prenom: 'Ce champ est obligatoire.',
					nom: '80 caractères au maximum.',
					role: true
				}
			}
		);
		await expectError(
			await admin.post('/api/admin/agents', { ...NEW_AGENT, prenom: 'a'.repeat(1000) }),
			400,
			{
				fields: { prenom: true }
			}
		);
		expect(await audit(ctx)).toHaveLength(0);
	});

	it("refuses a family's e-mail", async () => {
		const { ctx } = await withSignedInPascal();
		const admin = new TestClient(ctx.app);
		await signInAgent(ctx, admin, { role: 'administrateur' });
		await expectError(
			await admin.post('/api/admin/agents', { ...NEW_AGENT, email: 'dupin@example.com' }),
			409,
			{
				fields: { email: true }
			}
		);
	});

	it('sends the invitation again with a new link (the first one spent), only while not activated', async () => {
		const { ctx, admin } = await withAdmin();
		const { id } = await json<{ id: number }>(await admin.post('/api/admin/agents', NEW_AGENT));
		const first = tokenFrom((await mailsTo(ctx, 'lea.martin@mairie.example.fr'))[0], '/mot-de-passe/nouveau');
		expect((await admin.post(`/api/admin/agents/${id}/invitation`)).status).toBe(200);
		const mails = await mailsTo(ctx, 'lea.martin@mairie.example.fr');
		expect(mails).toHaveLength(2);
		const second = tokenFrom(mails[1], '/mot-de-passe/nouveau');
		expect(second).not.toBe(first);
		await expectError(await admin.get(`/api/accounts/password-reset?jeton=${first}`), 410);
		expect((await admin.get(`/api/accounts/password-reset?jeton=${second}`)).status).toBe(200);
		expect((await audit(ctx)).map((l) => l.action)).toEqual(['agent.inviter', 'agent.relancer']);
		await new TestClient(ctx.app).post('/api/accounts/password-reset', {
			jeton: second,
			motDePasse: AGENT_PASSWORD,
			confirmation: AGENT_PASSWORD
		});
		await expectError(await admin.post(`/api/admin/agents/${id}/invitation`), 409, {
			code: 'already_active'
		});
	});
});

describe('disabling and enabling an agent', () => {
	it('signs the agent out at once (the next call is 401), refuses the sign-in, then lets it back', async () => {
		const { ctx, admin, adminId } = await withAdmin();
		const { id, lea } = await inviteAndActivate(ctx, admin);
		expect((await lea.get('/api/admin/dashboard')).status).toBe(200);
		expect((await admin.post(`/api/admin/agents/${id}/desactiver`)).status).toBe(200);
		await expectError(await lea.get('/api/admin/dashboard'), 401);
		expect(
			await ctx.db.selectFrom('session').where('account_id', '=', id).selectAll().execute()
		).toHaveLength(0);
		await expectError(await login(new TestClient(ctx.app), 'lea.martin', AGENT_PASSWORD), 403, {
			code: 'account_disabled'
		});
		expect((await agents(admin)).find((a) => a.id === id)?.status).toBe('desactive');
		await expectError(await admin.post(`/api/admin/agents/${id}/desactiver`), 409, {
			code: 'already_disabled'
		});
		expect((await admin.post(`/api/admin/agents/${id}/reactiver`)).status).toBe(200);
		expect((await login(new TestClient(ctx.app), 'lea.martin', AGENT_PASSWORD)).status).toBe(200);
		await expectError(await admin.post(`/api/admin/agents/${id}/reactiver`), 409, { code: 'already_active' });
		const lines = (await audit(ctx)).filter((l) => l.action !== 'agent.inviter');
		expect(lines.map((l) => [l.action, l.account_id, l.target_id])).toEqual([
			['agent.desactiver', adminId, id],
			['agent.reactiver', adminId, id]
		]);
		expect(JSON.parse(lines[0]?.after_json ?? '{}').disabled_at).toEqual(expect.any(String));
	});

	it('refuses a session made while the account was being disabled (a sign-in racing Désactiver)', async () => {
		const { ctx, admin } = await withAdmin();
		const { lea } = await inviteAndActivate(ctx, admin);
		expect((await lea.get('/api/admin/dashboard')).status).toBe(200);
		// As a sign-in that checked disabled_at before the disabling, then wrote its session after it.
		await ctx.db
			.updateTable('account')
			.set({ disabled_at: ctx.clock.now().toISOString() })
			.where('username', '=', 'lea.martin')
			.execute();
		await expectError(await lea.get('/api/admin/dashboard'), 401);
	});

	it('spends a disabled account’s links: a reset link signs nobody in', async () => {
		const { ctx, admin } = await withAdmin();
		const { id } = await json<{ id: number }>(await admin.post('/api/admin/agents', NEW_AGENT));
		const jeton = tokenFrom((await mailsTo(ctx, 'lea.martin@mairie.example.fr'))[0], '/mot-de-passe/nouveau');
		await admin.post(`/api/admin/agents/${id}/desactiver`);
		await expectError(await new TestClient(ctx.app).get(`/api/accounts/password-reset?jeton=${jeton}`), 410);
		await expectError(await admin.post(`/api/admin/agents/${id}/invitation`), 409, {
			code: 'agent_disabled'
		});
	});

	it('refuses to disable oneself or the last active administrator', async () => {
		const { ctx, admin, adminId } = await withAdmin();
		await expectError(await admin.post(`/api/admin/agents/${adminId}/desactiver`), 409, {
			code: 'cannot_disable_self',
			message: 'Vous ne pouvez pas désactiver votre propre compte.'
		});
		// Through the API the acting administrator always remains; the rule still holds for any caller.
		const other = new TestClient(ctx.app);
		const { accountId: agentId } = await signInAgent(ctx, other, { role: 'agent' });
		await expect(disableAgent(ctx, agentId, adminId)).rejects.toMatchObject({
			status: 409,
			code: 'last_administrator'
		});
		expect(await audit(ctx)).toHaveLength(0);
	});

	it('answers 404 for a family’s account, an unknown id or a malformed one', async () => {
		const { ctx } = await withSignedInPascal();
		const admin = new TestClient(ctx.app);
		await signInAgent(ctx, admin, { role: 'administrateur' });
		const family = await ctx.db
			.selectFrom('account')
			.select('id')
			.where('role', '=', 'citizen')
			.executeTakeFirstOrThrow();
		for (const id of [String(family.id), '999999', 'abc', '0', '-1', '99999999999']) {
			for (const action of ['desactiver', 'reactiver', 'invitation'])
				await expectError(await admin.post(`/api/admin/agents/${id}/${action}`), 404, { code: 'not_found' });
		}
		expect((await agents(admin)).map((a) => a.role)).not.toContain('citizen');
	});

	it('keeps it all to administrators', async () => {
		const ctx = await testApp();
		const agent = new TestClient(ctx.app);
		await signInAgent(ctx, agent, { role: 'agent' });
		await expectError(await agent.post('/api/admin/agents', NEW_AGENT), 403, { code: 'administrators_only' });
		await expectError(await agent.post('/api/admin/agents/1/desactiver'), 403, {
			code: 'administrators_only'
		});
	});
});
