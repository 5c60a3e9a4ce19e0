import { demandeRecap } from '../../../src/lib/domain/requests/demande-recap.ts';
import {
	DEMANDE_ACTIONS,
	ACTION_TARGET,
	type DemandeDetail
} from '../../../src/lib/domain/backoffice/demandes/demande-actions.ts';
import { displayName } from '../../../src/lib/domain/profile/person-name.ts';
import { FORM_CODES, type FormCode } from '../../../src/lib/domain/requests/form-codes.ts';
import { canMove } from '../../../src/lib/domain/requests/status.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { namesOf } from '../../profile/person-row.ts';
import { bumpResourceVersion } from '../../sync/resource-version.ts';

export const DEMANDE_NOT_FOUND = 'Cette demande n’existe pas.';

/** A sent demande (never a draft: it is the family's until sent), else 404. */
export async function sentDemande(db: Db, id: number) {
	const row = await db.selectFrom('demande').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row || row.status === 'brouillon') throw new AppError(404, 'not_found', DEMANDE_NOT_FOUND);
	return row;
}

/** "DUPIN Pascal": how the history and the annotations name an agent or a family member. */
export async function personName(db: Db, personId: number): Promise<string> {
	const person = await db
		.selectFrom('person')
		.select(['nom_naissance', 'nom_usage', 'prenom'])
		.where('id', '=', personId)
		.executeTakeFirstOrThrow();
	return displayName(namesOf(person));
}

async function accountName(db: Db, accountId: number | null): Promise<string | null> {
	if (accountId === null) return null;
	const account = await db
		.selectFrom('account')
		.select('person_id')
		.where('id', '=', accountId)
		.executeTakeFirst();
	return account ? personName(db, account.person_id) : null;
}

async function familleName(db: Db, householdId: number): Promise<string> {
	const person = await db
		.selectFrom('person')
		.select(['nom_naissance', 'nom_usage', 'prenom'])
		.where('household_id', '=', householdId)
		.where('role', '<>', 'enfant')
		.orderBy((eb) => eb('role', '<>', 'titulaire'))
		.orderBy('id')
		.executeTakeFirst();
	return person ? displayName(namesOf(person)) : '';
}

/** The answers as the family's own page shows them (the same function reads them). */
function recapOf(formCode: string, dataJson: string, writtenAt: string) {
	if (!(FORM_CODES as readonly string[]).includes(formCode)) return null;
	return demandeRecap(formCode as FormCode, JSON.parse(dataJson) as Record<string, unknown>, writtenAt);
}

/**
 * GET /api/admin/demandes/:id: reads only (a GET changes nothing: another site's link could make
 * an agent's browser send one). The family's answers no agent has read yet come first, marked
 * unread; the page then says it read them (markFamilyAnswersRead, a POST).
 */
export async function demandeDetail(db: Db, id: number): Promise<DemandeDetail> {
	const row = await sentDemande(db, id);
	const documents = await db
		.selectFrom('demande_document as dd')
		.leftJoin('document as d', 'd.id', 'dd.document_id')
		.select(['dd.type', 'dd.person_label', 'd.id as documentId', 'd.original_name', 'd.status'])
		.where('dd.demande_id', '=', id)
		.limit(50)
		.execute();
	const history = await db
		.selectFrom('demande_history')
		.select(['at', 'author', 'from_status', 'to_status', 'comment'])
		.where('demande_id', '=', id)
		.orderBy('id')
		.limit(200)
		.execute();
	const messages = await db
		.selectFrom('message as m')
		.innerJoin('message_thread as t', 't.id', 'm.thread_id')
		.select(['m.id', 'm.author', 'm.subject', 'm.body', 'm.created_at', 'm.read_at'])
		.where('t.demande_id', '=', id)
		.orderBy('m.id')
		.limit(200)
		.execute();
	const notes = await db
		.selectFrom('demande_note as n')
		.innerJoin('account as a', 'a.id', 'n.account_id')
		.innerJoin('person as p', 'p.id', 'a.person_id')
		.select(['n.id', 'n.body', 'n.created_at', 'p.nom_naissance', 'p.nom_usage', 'p.prenom'])
		.where('n.demande_id', '=', id)
		.orderBy('n.id')
		.limit(200)
		.execute();

	const unread = messages.filter((m) => m.author === 'famille' && m.read_at === null);
	const unreadIds = new Set(unread.map((m) => m.id));
	const ordered = [...unread, ...messages.filter((m) => !unreadIds.has(m.id))];

	return {
		id: row.id,
		number: row.number,
		formCode: row.form_code,
		status: row.status,
		revision: row.revision,
		submittedAt: row.submitted_at,
		updatedAt: row.updated_at,
		personLabel: row.person_label,
		householdId: row.household_id,
		famille: await familleName(db, row.household_id),
		assignedAccountId: row.assigned_account_id,
		agent: await accountName(db, row.assigned_account_id),
		recap: recapOf(row.form_code, row.data_json, row.submitted_at ?? row.updated_at),
		documents: documents.map((d) => ({
			type: d.type,
			personLabel: d.person_label,
			documentId: d.documentId,
			name: d.original_name,
			status: d.status
		})),
		history: history.map((h) => ({
			at: h.at,
			author: h.author,
			from: h.from_status,
			to: h.to_status,
			comment: h.comment
		})),
		messages: ordered.map((m) => ({
			id: m.id,
			author: m.author,
			subject: m.subject,
			body: m.body,
			createdAt: m.created_at,
			unread: unreadIds.has(m.id)
		})),
		notes: notes.map((n) => ({
			id: n.id,
			author: displayName(namesOf(n)),
			body: n.body,
			createdAt: n.created_at
		})),
		actions: DEMANDE_ACTIONS.filter((a) => canMove('agent', row.status, ACTION_TARGET[a]))
	};
}

/**
 * POST /api/admin/demandes/:id/lus: the agent's page has shown the family's answers. Their read_at
 * is set and the family's "messages" version raised, so its devices see them read.
 */
export async function markFamilyAnswersRead(db: Db, id: number, now: Date): Promise<{ read: number }> {
	return db.transaction().execute(async (trx) => {
		const row = await sentDemande(trx, id);
		const threads = trx.selectFrom('message_thread').select('id').where('demande_id', '=', id);
		const marked = await trx
			.updateTable('message')
			.set({ read_at: now.toISOString() })
			.where('thread_id', 'in', threads)
			.where('author', '=', 'famille')
			.where('read_at', 'is', null)
			.executeTakeFirst();
		const read = Number(marked.numUpdatedRows);
		if (read > 0) await bumpResourceVersion(trx, row.household_id, 'messages');
		return { read };
	});
}
