import type { AppDeps } from '../deps.ts';
import type { Db } from '../db/database.ts';
import { renderMail } from '../mail/templates.ts';
import { bumpResourceVersion } from '../sync/resource-version.ts';

/** A message the town hall writes to a family ("Échanges", manual §3.1). */
export type TownMessage = {
	householdId: number;
	/** The demande it is about (its thread); null for a message written from Familles alone. */
	demandeId: number | null;
	/** The manual's subjects: "Un justificatif fourni a été refusé", "Information", … */
	subject: string;
	body: string;
	/** The agent who writes (or whose action wrote it). */
	agentAccountId: number;
};

/**
 * The thread of a demande, made at its first message. Its subject is the town's latest message's:
 * the family's list then says what the town last said ("Complément demandé"), not how it began.
 */
async function threadOf(trx: Db, message: TownMessage, at: string): Promise<number> {
	if (message.demandeId !== null) {
		const found = await trx
			.selectFrom('message_thread')
			.select('id')
			.where('demande_id', '=', message.demandeId)
			.executeTakeFirst();
		if (found) {
			await trx
				.updateTable('message_thread')
				.set({ last_message_at: at, subject: message.subject })
				.where('id', '=', found.id)
				.execute();
			return found.id;
		}
	}
	const created = await trx
		.insertInto('message_thread')
		.values({
			household_id: message.householdId,
			demande_id: message.demandeId,
			subject: message.subject,
			created_at: at,
			last_message_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return created.id;
}

/**
 * Writes the town's message in the caller's transaction (with the action that caused it: a status
 * change, a refused document) and raises the household's "messages" version so its devices pull
 * it. The e-mail notice is the caller's to send once the transaction has committed
 * (noticeFamily), so a rolled-back action never tells the family anything.
 */
export async function postTownMessage(
	trx: Db,
	now: Date,
	message: TownMessage
): Promise<{ threadId: number; messageId: number }> {
	const at = now.toISOString();
	const threadId = await threadOf(trx, message, at);
	const row = await trx
		.insertInto('message')
		.values({
			thread_id: threadId,
			household_id: message.householdId,
			client_id: null,
			author: 'mairie',
			account_id: message.agentAccountId,
			subject: message.subject,
			body: message.body,
			created_at: at,
			read_at: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await bumpResourceVersion(trx, message.householdId, 'messages');
	return { threadId, messageId: row.id };
}

/**
 * Tells the family's accounts by e-mail that a message waits in Échanges: a link to the portal and
 * nothing else (no subject, no name, no content: an e-mail is read on shared screens and kept by
 * providers). Sent after the answer (MailQueue.later); call it after the transaction committed.
 */
export function noticeFamily(deps: AppDeps, householdId: number): void {
	deps.mail.later(async () => {
		const accounts = await deps.db
			.selectFrom('account')
			.select('email')
			.where('household_id', '=', householdId)
			.where('role', '=', 'citizen')
			.where('disabled_at', 'is', null)
			.execute();
		return accounts.map((a) =>
			renderMail(a.email, deps.config.townName, {
				subject: 'Vous avez un nouveau message de la mairie',
				greeting: 'Bonjour,',
				paragraphs: [
					'La mairie vous a écrit au sujet de l’une de vos démarches.',
					'Pour lire ce message, connectez-vous au portail et ouvrez « Échanges ».'
				],
				action: { label: 'Lire mes messages', url: `${deps.config.publicUrl}/echanges` }
			})
		);
	});
}
