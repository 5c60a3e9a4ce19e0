import type { DocumentTypeCode } from './document-types.ts';
import type { DocumentView } from './document-view.ts';

/** Whom a demande's justificatif is for: a person of the household, or a new one by label. */
export type DocumentPerson = { personId: number | null; personLabel: string | null };

/**
 * The household's document of `type` for that person an agent validated and that has not expired
 * (newest first): a demande reuses it, nothing new to send ("vous n'aurez plus besoin de la
 * fournir jusqu'à ce qu'elle soit expirée", manual §3.1). The server's needs check
 * (server/requests/demande-needs.ts, validOnFile) reads the same rule.
 */
export function validOnFile(
	documents: readonly DocumentView[],
	type: DocumentTypeCode,
	person: DocumentPerson,
	today: string
): DocumentView | null {
	const matches = documents.filter(
		(d) =>
			d.type === type &&
			d.status === 'valide' &&
			(d.expiresOn === null || d.expiresOn >= today) &&
			d.personId === person.personId &&
			(person.personId !== null || person.personLabel === null || d.personLabel === person.personLabel)
	);
	return [...matches].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt))[0] ?? null;
}

/** "Déjà fourni, valide jusqu'au 01/06/2027", or without an end for a livret de famille. */
export function alreadyProvidedNote(document: Pick<DocumentView, 'expiresOn'>): string {
	const until = document.expiresOn
		? `valide jusqu’au ${document.expiresOn.split('-').reverse().join('/')}`
		: 'valide sans date de fin';
	return `Déjà fourni, ${until} : vous n’avez pas besoin d’en envoyer un nouveau.`;
}
