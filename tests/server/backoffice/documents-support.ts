import { signInAgent } from '../support/agents.ts';
import { TestClient } from '../support/http-client.ts';
import { apply, draft, fileDocument, twoHouseholds } from '../support/requests.ts';

/** Two families, a signed-in agent, and the DUPIN's fiche enfant sent with a livret to check. */
export async function queueWithDemande() {
	const homes = await twoHouseholds();
	const { ctx, dupin } = homes;
	const agent = new TestClient(ctx.app);
	const { accountId } = await signInAgent(ctx, agent, { role: 'agent' });
	const livret = await fileDocument(ctx, dupin, {
		type: 'livret-famille',
		personId: dupin.timId,
		personLabel: 'DUPIN Tim',
		uploadedAt: '2026-11-10T10:00:00.000Z'
	});
	const d = draft({
		data: {
			enfant: { personId: dupin.timId, nom: 'DUPIN Tim' },
			justificatifs: { 'livret-famille': { choice: 'envoyer', documentId: livret } }
		}
	});
	await apply(ctx, dupin, 'submit', d);
	const row = await ctx.db
		.selectFrom('document')
		.select('id')
		.where('client_id', '=', livret)
		.executeTakeFirstOrThrow();
	return { ...homes, agent, agentId: accountId, livretId: row.id, livret, demande: d };
}
