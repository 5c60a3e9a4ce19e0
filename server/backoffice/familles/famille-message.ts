import type { FamilleMessageInput } from '../../../src/lib/domain/backoffice/familles/familles.ts';
import type { AppDeps } from '../../deps.ts';
import type { CurrentAccount } from '../../http/app-env.ts';
import { AppError } from '../../http/errors.ts';
import { noticeFamily, postTownMessage } from '../../messages/town-messages.ts';
import { writeAudit } from '../audit-log.ts';
import { requireFamille } from './famille-detail.ts';

export const UNKNOWN_DEMANDE = 'Cette demande est introuvable pour cette famille.';

/**
 * "Écrire à la famille": the town's message (about one of the household's demandes or not), its
 * audit line in the same transaction, the e-mail notice once committed. Another household's
 * demande is 404, as an unknown one.
 */
export async function writeToFamille(
	deps: AppDeps,
	agent: CurrentAccount,
	householdId: number,
	input: FamilleMessageInput
): Promise<{ threadId: number; messageId: number }> {
	const now = deps.clock.now();
	const posted = await deps.db.transaction().execute(async (trx) => {
		await requireFamille(trx, householdId);
		const demandeId = input.demandeId ?? null;
		if (demandeId !== null) {
			const demande = await trx
				.selectFrom('demande')
				.select('id')
				.where('id', '=', demandeId)
				.where('household_id', '=', householdId)
				.where('status', '!=', 'brouillon')
				.executeTakeFirst();
			if (!demande) throw new AppError(404, 'not_found', UNKNOWN_DEMANDE, { demandeId: UNKNOWN_DEMANDE });
		}
		const ids = await postTownMessage(trx, now, {
			householdId,
			demandeId,
			subject: input.sujet,
			body: input.message,
			agentAccountId: agent.id
		});
		await writeAudit(trx, now, {
			accountId: agent.id,
			action: 'message.envoyer',
			targetType: 'message',
			targetId: ids.messageId,
			householdId,
			summary: `Message « ${input.sujet} » écrit à la famille`,
			after: { sujet: input.sujet, demandeId, threadId: ids.threadId }
		});
		return ids;
	});
	noticeFamily(deps, householdId);
	return posted;
}
