import type { DocumentTypeCode } from './document-types.ts';

/**
 * The Action column of Mes justificatifs à fournir (manual §3.1): a line the town still waits for
 * (never given, refused, or valid but expired, which reads as Non fourni) can be provided; one
 * given and not yet checked, or valid, cannot. A file chosen and not yet answered by the server
 * shows "En attente d'envoi" instead, offline too.
 */

export const PROVIDE_KIND = 'document.provide.v1';
export const WAITING_TO_SEND = 'En attente d’envoi';

/** One line per (type, person): a person of the household by id, a new child by the label written. */
export function lineKey(type: DocumentTypeCode, personId: number | null, personLabel: string | null): string {
	const person = personId !== null ? `p${personId}` : `l${personLabel ?? ''}`;
	return `${type}|${person}`;
}

/** A line's status (documents-to-provide.ts's ToProvideStatus). */
export function canProvide(status: string): boolean {
	return status === 'non-fourni' || status === 'invalide';
}

/** "Fournir", or after a refusal "Fournir un nouveau justificatif". */
export function provideLabel(status: string): string {
	return status === 'invalide' ? 'Fournir un nouveau justificatif' : 'Fournir';
}

type Queued = { kind: string; payload: unknown };

/** The lines with a "Fournir" still in the outbox (the file, then its link, not yet answered). */
export function waitingLineKeys(outbox: readonly Queued[]): Set<string> {
	const keys = new Set<string>();
	for (const item of outbox) {
		if (item.kind !== PROVIDE_KIND) continue;
		const p = item.payload as {
			type?: DocumentTypeCode;
			personId?: number | null;
			personLabel?: string | null;
		};
		if (!p?.type) continue;
		keys.add(lineKey(p.type, p.personId ?? null, p.personLabel ?? null));
	}
	return keys;
}

type Answered = { kind: string; status: string; payload: unknown; reason?: string; at: string };
type Named = {
	documentId?: string;
	type?: DocumentTypeCode;
	personId?: number | null;
	personLabel?: string | null;
};

/**
 * What the parent must read of a "Fournir" the town did not take, by line: the file's refusal
 * (too large, not a PDF nor an image: the upload's reason), else its link's. The newest per line;
 * the caller shows it only when newer than the line's newest document.
 */
export function refusedLines(outcomes: readonly Answered[]): Map<string, { reason: string; at: string }> {
	const uploadReasons = new Map<string, string>();
	for (const o of outcomes) {
		const p = o.payload as Named | null;
		if (o.kind === 'document.upload.v1' && o.status === 'rejected' && p?.documentId && o.reason)
			uploadReasons.set(p.documentId, o.reason);
	}
	const refused = new Map<string, { reason: string; at: string }>();
	for (const o of outcomes) {
		const p = o.payload as Named | null;
		if (o.kind !== PROVIDE_KIND || o.status !== 'rejected' || !p?.type) continue;
		const key = lineKey(p.type, p.personId ?? null, p.personLabel ?? null);
		const reason = (p.documentId && uploadReasons.get(p.documentId)) || o.reason || '';
		const known = refused.get(key);
		if (reason && (!known || known.at < o.at)) refused.set(key, { reason, at: o.at });
	}
	return refused;
}
