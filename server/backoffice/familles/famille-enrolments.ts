import type { EnrolmentEditInput } from '../../../src/lib/domain/backoffice/familles/familles.ts';
import { setEnrolments } from '../../agenda/set-enrolments.ts';
import type { AppDeps } from '../../deps.ts';
import type { CurrentAccount } from '../../http/app-env.ts';
import { AppError } from '../../http/errors.ts';
import { noticeFamily } from '../../messages/town-messages.ts';
import { writeAudit } from '../audit-log.ts';
import { requireFamille } from './famille-detail.ts';

export const UNKNOWN_CHILD = 'Cet enfant est introuvable dans cette famille.';

/**
 * "Modifier les inscriptions" from a family's page: the child's sessions replaced
 * (setEnrolments: a lost one cancels and refunds his future bookings, and the family is told),
 * with its audit line (before → after), in one transaction; the e-mail notice once committed.
 * Another household's child, or an adult, is 404 as an unknown one.
 */
export async function editEnrolments(
	deps: AppDeps,
	agent: CurrentAccount,
	householdId: number,
	personId: number,
	input: EnrolmentEditInput
): Promise<{ changes: string[] }> {
	const now = deps.clock.now();
	const outcome = await deps.db.transaction().execute(async (trx) => {
		await requireFamille(trx, householdId);
		const child = await trx
			.selectFrom('person')
			.select('id')
			.where('id', '=', personId)
			.where('household_id', '=', householdId)
			.where('role', '=', 'enfant')
			.executeTakeFirst();
		if (!child) throw new AppError(404, 'not_found', UNKNOWN_CHILD);
		const before = await trx
			.selectFrom('activity_enrolment')
			.select('session')
			.where('person_id', '=', personId)
			.orderBy('session')
			.execute();
		const applied = await setEnrolments(trx, now, {
			householdId,
			personId,
			sessions: input.sessions,
			agentAccountId: agent.id
		});
		if (applied.changes.length > 0)
			await writeAudit(trx, now, {
				accountId: agent.id,
				action: 'famille.inscriptions',
				targetType: 'person',
				targetId: personId,
				householdId,
				summary: applied.changes.join(' ; '),
				before: { sessions: before.map((b) => b.session) },
				after: { sessions: [...input.sessions].sort() }
			});
		return applied;
	});
	if (outcome.changes.length > 0) noticeFamily(deps, householdId);
	return outcome;
}
