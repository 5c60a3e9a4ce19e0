import {
	DOCUMENTS_PAGE_SIZE,
	type AdminDocument,
	type DocumentQueueQuery,
	type DocumentUse
} from '../../../src/lib/domain/backoffice/documents/document-queue.ts';
import { proposedExpiry } from '../../../src/lib/domain/documents/document-expiry.ts';
import {
	DOCUMENT_TYPE_LABELS,
	type DocumentTypeCode
} from '../../../src/lib/domain/documents/document-types.ts';
import { parisDate } from '../../../src/lib/domain/agenda/paris-time.ts';
import { displayName } from '../../../src/lib/domain/profile/person-name.ts';
import { FORM_TYPE_LABELS, type FormCode } from '../../../src/lib/domain/requests/form-codes.ts';
import type { Db } from '../../db/database.ts';

const COLUMNS = [
	'document.id',
	'document.household_id',
	'document.type',
	'document.person_id',
	'document.person_label',
	'document.status',
	'document.expires_on',
	'document.reason',
	'document.original_name',
	'document.mime',
	'document.size',
	'document.uploaded_at'
] as const;

type Row = {
	id: number;
	household_id: number;
	type: string;
	person_id: number | null;
	person_label: string | null;
	status: AdminDocument['status'];
	expires_on: string | null;
	reason: string | null;
	original_name: string;
	mime: string;
	size: number;
	uploaded_at: string;
};

/** The families' names ("DUPIN Pascal", its titulaire), for a page's households only. */
async function familyNames(db: Db, householdIds: number[]): Promise<Map<number, string>> {
	const names = new Map<number, string>();
	if (householdIds.length === 0) return names;
	const rows = await db
		.selectFrom('person')
		.select(['household_id', 'nom_usage', 'nom_naissance', 'prenom'])
		.where('household_id', 'in', householdIds)
		.where('role', '=', 'titulaire')
		.execute();
	for (const r of rows)
		names.set(
			r.household_id,
			displayName({ nomUsage: r.nom_usage, nomNaissance: r.nom_naissance, prenom: r.prenom })
		);
	return names;
}

/** The demandes (not drafts) that use each document: "Fiche enfant : 36". */
async function usesOf(db: Db, documentIds: number[]): Promise<Map<number, DocumentUse[]>> {
	const uses = new Map<number, DocumentUse[]>();
	if (documentIds.length === 0) return uses;
	const rows = await db
		.selectFrom('demande_document')
		.innerJoin('demande', 'demande.id', 'demande_document.demande_id')
		.select([
			'demande_document.document_id',
			'demande.id',
			'demande.number',
			'demande.form_code',
			'demande.status'
		])
		.where('demande_document.document_id', 'in', documentIds)
		.orderBy('demande.number')
		.execute();
	for (const r of rows) {
		if (r.document_id === null) continue;
		const label = FORM_TYPE_LABELS[r.form_code as FormCode] ?? r.form_code;
		const list = uses.get(r.document_id) ?? [];
		list.push({ demandeId: r.id, number: r.number, label: `${label} : ${r.number}`, status: r.status });
		uses.set(r.document_id, list);
	}
	return uses;
}

async function toAdminDocuments(db: Db, rows: Row[], now: Date): Promise<AdminDocument[]> {
	const names = await familyNames(db, [...new Set(rows.map((r) => r.household_id))]);
	const uses = await usesOf(
		db,
		rows.map((r) => r.id)
	);
	const today = parisDate(now);
	return rows.map((r) => {
		const type = r.type as DocumentTypeCode;
		return {
			id: r.id,
			householdId: r.household_id,
			famille: names.get(r.household_id) ?? `Famille n° ${r.household_id}`,
			type: r.type,
			typeLabel: DOCUMENT_TYPE_LABELS[type] ?? r.type,
			personId: r.person_id,
			personLabel: r.person_label,
			status: r.status,
			expiresOn: r.expires_on,
			reason: r.reason,
			name: r.original_name,
			mime: r.mime,
			size: r.size,
			uploadedAt: r.uploaded_at,
			proposedExpiresOn: type in DOCUMENT_TYPE_LABELS ? proposedExpiry(type, today) : null,
			demandes: uses.get(r.id) ?? []
		};
	});
}

/**
 * The agents' list: one page of at most 50, oldest first (the first given is the first
 * checked), without the messages' attachments (never validated). Bounded by LIMIT on an index.
 */
export async function listQueue(
	db: Db,
	query: DocumentQueueQuery,
	now: Date
): Promise<{ documents: AdminDocument[]; total: number; page: number; pageSize: number }> {
	let base = db
		.selectFrom('document')
		.innerJoin('household', 'household.id', 'document.household_id')
		.where('household.kind', '=', 'famille')
		.where('document.status', '=', query.statut)
		.where('document.type', '!=', 'piece-jointe');
	if (query.type) base = base.where('document.type', '=', query.type);
	if (query.famille) base = base.where('document.household_id', '=', query.famille);
	const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	const rows = await base
		.select(COLUMNS)
		.orderBy('document.uploaded_at', 'asc')
		.orderBy('document.id', 'asc')
		.limit(DOCUMENTS_PAGE_SIZE)
		.offset((query.page - 1) * DOCUMENTS_PAGE_SIZE)
		.execute();
	return {
		documents: await toAdminDocuments(db, rows, now),
		total: Number(count.n),
		page: query.page,
		pageSize: DOCUMENTS_PAGE_SIZE
	};
}

/** One document of a family (a message's attachment too: agents read it the same way). */
export async function findAdminDocument(db: Db, id: number, now: Date): Promise<AdminDocument | null> {
	const row = await db
		.selectFrom('document')
		.innerJoin('household', 'household.id', 'document.household_id')
		.select(COLUMNS)
		.where('document.id', '=', id)
		.where('household.kind', '=', 'famille')
		.executeTakeFirst();
	if (!row) return null;
	const [doc] = await toAdminDocuments(db, [row], now);
	return doc ?? null;
}
