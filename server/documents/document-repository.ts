import type { Selectable } from 'kysely';
import type { DocumentView } from '../../src/lib/domain/documents/document-view.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

/** What one household may keep on file: the library stays readable and the disk bounded. */
export const MAX_DOCUMENTS_PER_HOUSEHOLD = 200;

/**
 * The bytes of files one household may keep. Without it, 200 documents of 10 MiB were 2 GB a
 * household, written in about 25 s (attack review, finding 5). 200 MiB is twenty full-size scans,
 * or a few hundred photos of papers at their usual 0.5–2 MiB: more than a family's démarches need.
 */
export const MAX_BYTES_PER_HOUSEHOLD = 200 * 1024 * 1024;

type DocumentRow = Selectable<Database['document']>;
const VIEW_COLUMNS = [
	'client_id',
	'household_id',
	'type',
	'person_id',
	'person_label',
	'status',
	'expires_on',
	'reason',
	'original_name',
	'mime',
	'size',
	'uploaded_at'
] as const;
type ViewRow = Pick<DocumentRow, (typeof VIEW_COLUMNS)[number]>;

export function toDocumentView(row: ViewRow): DocumentView {
	return {
		id: row.client_id,
		type: row.type as DocumentView['type'],
		personId: row.person_id,
		personLabel: row.person_label,
		status: row.status,
		expiresOn: row.expires_on,
		reason: row.reason,
		name: row.original_name,
		mime: row.mime,
		size: row.size,
		uploadedAt: row.uploaded_at
	};
}

/** The document of that UUID, whichever household it is (the caller tells apart "mine" from "taken"). */
export function findByClientId(db: Db, clientId: string): Promise<ViewRow | undefined> {
	return db.selectFrom('document').select(VIEW_COLUMNS).where('client_id', '=', clientId).executeTakeFirst();
}

export function findFile(db: Db, householdId: number, clientId: string) {
	return db
		.selectFrom('document')
		.select(['stored_name', 'original_name', 'mime', 'size'])
		.where('client_id', '=', clientId)
		.where('household_id', '=', householdId)
		.executeTakeFirst();
}

export async function countDocuments(db: Db, householdId: number): Promise<number> {
	const row = await db
		.selectFrom('document')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('household_id', '=', householdId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** What the household's files weigh on disk, as their rows say. */
export async function storedBytes(db: Db, householdId: number): Promise<number> {
	const row = await db
		.selectFrom('document')
		.select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.val(0)).as('bytes'))
		.where('household_id', '=', householdId)
		.executeTakeFirstOrThrow();
	return Number(row.bytes);
}

/** The household's justificatifs for the requests pull: the most recent first, at most the bound. */
export async function listDocuments(db: Db, householdId: number): Promise<DocumentView[]> {
	const rows = await db
		.selectFrom('document')
		.select(VIEW_COLUMNS)
		.where('household_id', '=', householdId)
		.orderBy('uploaded_at', 'desc')
		.orderBy('id', 'desc')
		.limit(MAX_DOCUMENTS_PER_HOUSEHOLD)
		.execute();
	return rows.map(toDocumentView);
}
