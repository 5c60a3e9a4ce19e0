import { parisDate } from '../../domain/agenda/paris-time.ts';
import { DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS } from '../../domain/documents/document-types.ts';
import type { DocumentView } from '../../domain/documents/document-view.ts';
import { frenchDate } from '../../domain/requests/recap.ts';
import { requestsSnapshotSchema } from '../../domain/requests/snapshot.ts';
import type { PortailDatabase } from '../../offline/database.ts';
import { readResource } from '../../offline/versioned-resource.ts';

/** A justificatif as Ma bibliothèque shows it: the manual's words, French dates. */
export type LibraryEntry = {
	id: string;
	type: string;
	person: string;
	status: string;
	tone: 'a-valider' | 'valide' | 'invalide' | 'expire';
	sentOn: string;
	name: string;
	href: string;
};

const snapshotSchema = requestsSnapshotSchema.options[1];

/** The household's documents as the last requests pull brought them (readable offline). */
export async function readLibrary(db: PortailDatabase): Promise<DocumentView[] | null> {
	const held = await readResource(db, 'requests', snapshotSchema);
	return held ? held.data.documents : null;
}

function statusOf(doc: DocumentView, today: string): Pick<LibraryEntry, 'status' | 'tone'> {
	if (doc.status === 'invalide')
		return { status: doc.reason ? `Invalide : ${doc.reason}` : 'Invalide', tone: 'invalide' };
	if (doc.status === 'a-valider') return { status: DOCUMENT_STATUS_LABELS['a-valider'], tone: 'a-valider' };
	if (!doc.expiresOn) return { status: 'Valide', tone: 'valide' };
	// A valid one past its day is no longer reused: said so, not shown as valid.
	return doc.expiresOn < today
		? { status: `Expiré depuis le ${frenchDate(doc.expiresOn)}`, tone: 'expire' }
		: { status: `Valide jusqu’au ${frenchDate(doc.expiresOn)}`, tone: 'valide' };
}

/**
 * The justificatifs, most recent first. A message's pièce jointe is not one (never validated nor
 * reused): it stays with its demande.
 */
export function libraryEntries(documents: readonly DocumentView[], today: string): LibraryEntry[] {
	return documents
		.filter((doc) => doc.type !== 'piece-jointe')
		.toSorted((a, b) => b.uploadedAt.localeCompare(a.uploadedAt))
		.map((doc) => ({
			id: doc.id,
			type: DOCUMENT_TYPE_LABELS[doc.type],
			person: doc.personLabel ?? 'Le foyer',
			...statusOf(doc, today),
			sentOn: frenchDate(parisDate(new Date(doc.uploadedAt))),
			name: doc.name,
			href: `/api/documents/${encodeURIComponent(doc.id)}/file`
		}));
}
