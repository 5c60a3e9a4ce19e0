import {
	ALWAYS_PULLED_STATUSES,
	MAX_PULLED_DEMANDES,
	type DemandeView,
	type RequestsSnapshot
} from '../../src/lib/domain/requests/snapshot.ts';
import type { Db } from '../db/database.ts';
import { listDocuments } from '../documents/document-repository.ts';

/**
 * GET /api/requests/pull: the household's demandes and justificatifs, bounded. Each part is one
 * or two indexed queries: the demandes by number (demande_by_household), the ones the family can
 * change first, their history (demande_history_by_demande) and needs, and the most recent
 * documents; a demande's history grows only with the town's decisions.
 */

type Row = {
	id: number;
	client_id: string;
	number: number;
	form_code: string;
	status: DemandeView['status'];
	person_id: number | null;
	person_label: string | null;
	data_json: string;
	step: number;
	revision: number;
	writer_id: string;
	created_at: string;
	updated_at: string;
	submitted_at: string | null;
};

function demandesOf(db: Db, householdId: number) {
	return db
		.selectFrom('demande')
		.select([
			'id',
			'client_id',
			'number',
			'form_code',
			'status',
			'person_id',
			'person_label',
			'data_json',
			'step',
			'revision',
			'writer_id',
			'created_at',
			'updated_at',
			'submitted_at'
		])
		.where('household_id', '=', householdId)
		.orderBy('number', 'desc');
}

/**
 * Every demande the family can change (drafts, compléments: 80 at most under the household's
 * bounds), then the most recent of the others up to MAX_PULLED_DEMANDES in all, newest first;
 * `truncated` when some are left out (one more row is read to know).
 */
async function loadDemandes(db: Db, householdId: number): Promise<{ rows: Row[]; truncated: boolean }> {
	const editable = await demandesOf(db, householdId)
		.where('status', 'in', ALWAYS_PULLED_STATUSES)
		.limit(MAX_PULLED_DEMANDES + 1)
		.execute();
	const room = Math.max(0, MAX_PULLED_DEMANDES - editable.length);
	const others = await demandesOf(db, householdId)
		.where('status', 'not in', ALWAYS_PULLED_STATUSES)
		.limit(room + 1)
		.execute();
	// Beyond the bounds (rows written before them): the most recent drafts and compléments.
	const rows = [...editable.slice(0, MAX_PULLED_DEMANDES), ...others.slice(0, room)];
	return {
		rows: rows.sort((a, b) => b.number - a.number),
		truncated: editable.length > MAX_PULLED_DEMANDES || others.length > room
	};
}

async function loadHistory(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('demande_history')
		.select(['demande_id', 'at', 'author', 'from_status', 'to_status', 'comment'])
		.where('demande_id', 'in', ids)
		.orderBy('demande_id')
		.orderBy('id')
		.execute();
}

async function loadNeeds(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('demande_document')
		.leftJoin('document', 'document.id', 'demande_document.document_id')
		.select([
			'demande_document.demande_id',
			'demande_document.type',
			'demande_document.person_id',
			'demande_document.person_label',
			'document.client_id',
			'document.status'
		])
		.where('demande_document.demande_id', 'in', ids)
		.orderBy('demande_document.demande_id')
		.orderBy('demande_document.type')
		.execute();
}

function group<T extends { demande_id: number }>(rows: T[]): Map<number, T[]> {
	const byDemande = new Map<number, T[]>();
	for (const row of rows) {
		const list = byDemande.get(row.demande_id);
		if (list) list.push(row);
		else byDemande.set(row.demande_id, [row]);
	}
	return byDemande;
}

/** The whole snapshot, at `version`: the household's version read before it (see requests-answers.ts). */
export async function requestsSnapshot(
	db: Db,
	householdId: number,
	version: number
): Promise<Extract<RequestsSnapshot, { demandes: unknown }>> {
	const { rows: kept, truncated } = await loadDemandes(db, householdId);
	const ids = kept.map((r) => r.id);
	const [history, needs, documents] = await Promise.all([
		loadHistory(db, ids).then(group),
		loadNeeds(db, ids).then(group),
		listDocuments(db, householdId)
	]);
	const demandes: DemandeView[] = kept.map((r) => ({
		id: r.client_id,
		number: r.number,
		formCode: r.form_code as DemandeView['formCode'],
		status: r.status,
		personId: r.person_id,
		personLabel: r.person_label,
		data: JSON.parse(r.data_json) as DemandeView['data'],
		step: r.step,
		revision: r.revision,
		writerId: r.writer_id,
		createdAt: r.created_at,
		updatedAt: r.updated_at,
		submittedAt: r.submitted_at,
		history: (history.get(r.id) ?? []).map((h) => ({
			at: h.at,
			author: h.author,
			from: h.from_status,
			to: h.to_status,
			comment: h.comment
		})),
		needs: (needs.get(r.id) ?? []).map((n) => ({
			type: n.type as DemandeView['needs'][number]['type'],
			personId: n.person_id,
			personLabel: n.person_label,
			documentId: n.client_id,
			status: n.status ?? 'non-fourni'
		}))
	}));
	return { version, demandes, truncated, documents };
}
