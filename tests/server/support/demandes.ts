import { randomUUID } from 'node:crypto';
import { FORMS } from '../../../src/lib/domain/requests/forms/index.ts';
import { submitDemande } from '../../../server/requests/requests-service.ts';
import { signInAgent } from './agents.ts';
import { TestClient } from './http-client.ts';
import { twoHouseholds } from './requests.ts';
import type { TestCtx } from './test-app.ts';

type World = Awaited<ReturnType<typeof twoHouseholds>>;
type Family = World['dupin'] | World['martin'];

/** The DUPIN and the MARTIN families, and an agent (MARTIN-free name: AGENT Marie) signed in. */
export async function queueWorld(now?: string) {
	const world = await twoHouseholds(now);
	const agent = new TestClient(world.ctx.app);
	const { accountId } = await signInAgent(world.ctx, agent, { role: 'agent' });
	return { ...world, agent, agentId: accountId };
}

/**
 * A "Contacter la mairie" sent by the family, through the family's own submission (the real form):
 * its id (the back office's) and its client UUID.
 */
export async function sendContact(
	ctx: TestCtx,
	who: Family,
	objet = 'Horaires de la mairie',
	nom = who.author
): Promise<{ id: number; clientId: string }> {
	const clientId = randomUUID();
	const outcome = await ctx.db.transaction().execute((trx) =>
		submitDemande(
			trx,
			{ account: who.account, author: who.author, now: ctx.clock.now(), forms: (code) => FORMS[code] },
			{
				demandeId: clientId,
				formCode: 'contact-mairie',
				writerId: randomUUID(),
				baseRevision: 0,
				step: 1,
				data: { message: { nom, objet, message: 'Bonjour, quelles sont vos horaires ?', pieceJointe: null } },
				savedAt: ctx.clock.now().toISOString()
			}
		)
	);
	if (!outcome.ok) throw new Error(`envoi refusé : ${JSON.stringify(outcome)}`);
	const row = await ctx.db
		.selectFrom('demande')
		.select('id')
		.where('client_id', '=', clientId)
		.executeTakeFirstOrThrow();
	return { id: row.id, clientId };
}

/** The family's answer in the demande's thread, as its browser would leave it (unread by the town). */
export async function familyAnswers(ctx: TestCtx, who: Family, demandeId: number, body: string) {
	const thread = await ctx.db
		.selectFrom('message_thread')
		.select('id')
		.where('demande_id', '=', demandeId)
		.executeTakeFirst();
	const at = ctx.clock.now().toISOString();
	const threadId =
		thread?.id ??
		(
			await ctx.db
				.insertInto('message_thread')
				.values({
					household_id: who.account.householdId,
					demande_id: demandeId,
					subject: 'Ma question',
					created_at: at,
					last_message_at: at
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	await ctx.db
		.insertInto('message')
		.values({
			thread_id: threadId,
			household_id: who.account.householdId,
			client_id: randomUUID(),
			author: 'famille',
			account_id: who.account.id,
			subject: 'Réponse',
			body,
			created_at: at,
			read_at: null
		})
		.execute();
}
