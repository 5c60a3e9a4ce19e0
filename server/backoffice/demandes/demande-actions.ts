import {
	ACTION_SUBJECTS,
	ACTION_TARGET,
	DEMANDE_CHANGED,
	DEMANDE_CHANGED_MESSAGE,
	NEEDS_TEXT,
	type ActionBody,
	type DemandeAction
} from '../../../src/lib/domain/backoffice/demandes/demande-actions.ts';
import { isVisible } from '../../../src/lib/domain/text/typed-text.ts';
import { FORM_TYPE_LABELS, type FormCode } from '../../../src/lib/domain/requests/form-codes.ts';
import { canMove, STATUS_LABELS } from '../../../src/lib/domain/requests/status.ts';
import type { AppDeps } from '../../deps.ts';
import type { Db } from '../../db/database.ts';
import type { CurrentAccount } from '../../http/app-env.ts';
import { AppError } from '../../http/errors.ts';
import { noticeFamily, postTownMessage } from '../../messages/town-messages.ts';
import { bumpResourceVersion } from '../../sync/resource-version.ts';
import { writeAudit } from '../audit-log.ts';
import { applyAcceptedDemande } from './apply-accepted.ts';
import { personName, sentDemande } from './demande-detail.ts';

const changed = () => new AppError(409, DEMANDE_CHANGED, DEMANDE_CHANGED_MESSAGE);

type Row = Awaited<ReturnType<typeof sentDemande>>;

/** What the family reads in Échanges: the demande named, and the agent's reason or request. */
function messageBody(action: DemandeAction, row: Row, text: string): string {
	const named = `votre demande n° ${row.number} (${FORM_TYPE_LABELS[row.form_code as FormCode] ?? row.form_code})`;
	switch (action) {
		case 'prendre':
			return `La mairie a pris en charge ${named}.`;
		case 'accepter':
			return `La mairie a accepté ${named}.`;
		case 'refuser':
			return `La mairie a refusé ${named}.\n\nMotif : ${text}`;
		case 'complement':
			return `La mairie vous demande un complément pour ${named} :\n\n${text}\n\nOuvrez la demande dans « Mes demandes » pour la compléter et l’envoyer à nouveau.`;
	}
}

/**
 * One of the agent's buttons, in one transaction: the status moved (canMove), on the revision
 * the agent saw only (a conditional UPDATE: two agents pressing at once, one wins, the other gets
 * 409 and nothing is written twice), the history line, the family's message, the audit line, the
 * family's "requests" version; Accepter applies the demande in the same transaction. The e-mail
 * notice leaves once it committed.
 */
export async function actOnDemande(
	deps: AppDeps,
	agent: CurrentAccount,
	id: number,
	action: DemandeAction,
	body: ActionBody
): Promise<{ status: string; revision: number; changes: string[] }> {
	const text = body.text?.trim() ?? '';
	const required = NEEDS_TEXT[action];
	if (required && !isVisible(text)) throw new AppError(400, 'invalid_fields', required, { text: required });
	const now = deps.clock.now();
	const at = now.toISOString();
	const to = ACTION_TARGET[action];
	const result = await deps.db.transaction().execute(async (trx: Db) => {
		const row = await sentDemande(trx, id);
		if (row.revision !== body.revision) throw changed();
		if (!canMove('agent', row.status, to))
			throw new AppError(
				409,
				'action_impossible',
				`Cette action n’est pas possible sur une demande « ${STATUS_LABELS[row.status]} ».`
			);
		const assigned = action === 'prendre' ? agent.id : row.assigned_account_id;
		const updated = await trx
			.updateTable('demande')
			.set({ status: to, assigned_account_id: assigned, revision: row.revision + 1, updated_at: at })
			.where('id', '=', id)
			.where('revision', '=', body.revision)
			.where('status', '=', row.status)
			.returning(['revision'])
			.executeTakeFirst();
		if (!updated) throw changed();
		const applied =
			action === 'accepter'
				? await applyAcceptedDemande(
						trx,
						now,
						{
							id: row.id,
							number: row.number,
							householdId: row.household_id,
							formCode: row.form_code as FormCode,
							personId: row.person_id,
							personLabel: row.person_label,
							data: JSON.parse(row.data_json)
						},
						agent.id
					)
				: { changes: [] };
		await trx
			.insertInto('demande_history')
			.values({
				demande_id: id,
				at,
				account_id: agent.id,
				author: await personName(trx, agent.personId),
				from_status: row.status,
				to_status: to,
				comment: text || null
			})
			.execute();
		await postTownMessage(trx, now, {
			householdId: row.household_id,
			demandeId: id,
			subject: ACTION_SUBJECTS[action],
			body: messageBody(action, row, text),
			agentAccountId: agent.id
		});
		await writeAudit(trx, now, {
			accountId: agent.id,
			action: `demande.${action}`,
			targetType: 'demande',
			targetId: id,
			householdId: row.household_id,
			summary: `Demande n° ${row.number} : ${STATUS_LABELS[row.status]} → ${STATUS_LABELS[to]}`,
			before: { status: row.status, assignedAccountId: row.assigned_account_id, revision: row.revision },
			after: {
				status: to,
				assignedAccountId: assigned,
				revision: updated.revision,
				...(text ? { text } : {}),
				...(applied.changes.length > 0 ? { changes: applied.changes } : {})
			}
		});
		await bumpResourceVersion(trx, row.household_id, 'requests');
		return {
			householdId: row.household_id,
			status: to,
			revision: updated.revision,
			changes: applied.changes
		};
	});
	noticeFamily(deps, result.householdId);
	return { status: result.status, revision: result.revision, changes: result.changes };
}

/** "Envoyer": the agent's message in the demande's thread, its status unchanged. */
export async function sendDemandeMessage(
	deps: AppDeps,
	agent: CurrentAccount,
	id: number,
	body: string
): Promise<{ messageId: number }> {
	const now = deps.clock.now();
	const out = await deps.db.transaction().execute(async (trx: Db) => {
		const row = await sentDemande(trx, id);
		const posted = await postTownMessage(trx, now, {
			householdId: row.household_id,
			demandeId: id,
			subject: 'Information',
			body,
			agentAccountId: agent.id
		});
		await writeAudit(trx, now, {
			accountId: agent.id,
			action: 'demande.message',
			targetType: 'message',
			targetId: posted.messageId,
			householdId: row.household_id,
			summary: `Message envoyé à la famille (demande n° ${row.number})`,
			after: { demandeId: id, threadId: posted.threadId }
		});
		return { householdId: row.household_id, messageId: posted.messageId };
	});
	noticeFamily(deps, out.householdId);
	return { messageId: out.messageId };
}

/** "Annotations privées": kept for the agents, never in anything a family pulls. */
export async function addDemandeNote(
	deps: AppDeps,
	agent: CurrentAccount,
	id: number,
	body: string
): Promise<{ noteId: number }> {
	const now = deps.clock.now();
	return deps.db.transaction().execute(async (trx: Db) => {
		const row = await sentDemande(trx, id);
		const note = await trx
			.insertInto('demande_note')
			.values({ demande_id: id, account_id: agent.id, body, created_at: now.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow();
		await writeAudit(trx, now, {
			accountId: agent.id,
			action: 'demande.annoter',
			targetType: 'demande',
			targetId: id,
			householdId: row.household_id,
			summary: `Annotation privée ajoutée (demande n° ${row.number})`,
			after: { noteId: note.id }
		});
		return { noteId: note.id };
	});
}
