import type { DocumentTypeCode } from '$lib/domain/documents/document-types.ts';
import { DOCUMENT_STATUS_LABELS } from '$lib/domain/documents/document-types.ts';
import type { DocumentView } from '$lib/domain/documents/document-view.ts';

/** "1,2 Mo", "320 ko": a file's size as a parent reads it. */
export function fileSize(bytes: number): string {
	const format = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
	return bytes < 1024 * 1024
		? `${format.format(Math.max(1, Math.round(bytes / 1024)))} ko`
		: `${format.format(bytes / 1048576)} Mo`;
}

/**
 * The justificatifs on file a demande may reuse for `type`: not refused, not past their end of
 * validity (one still to be checked by the town counts: the agent checks it with the demande).
 */
export function reusable(
	documents: readonly DocumentView[],
	type: DocumentTypeCode,
	today: string
): { id: string; label: string }[] {
	return documents
		.filter((d) => d.type === type && d.status !== 'invalide' && (!d.expiresOn || d.expiresOn >= today))
		.map((d) => ({
			id: d.id,
			label: `${d.name}${d.personLabel ? ` (${d.personLabel})` : ''} — ${DOCUMENT_STATUS_LABELS[d.status]}${d.expiresOn ? `, valable jusqu'au ${d.expiresOn.split('-').reverse().join('/')}` : ''}`
		}));
}
