import type { DocumentTypeCode } from '../documents/document-types.ts';

/**
 * A justificatif chosen on a device rides in the outbox with the mutations, as an item of this
 * kind: the sync engine sends it with the upload route (PUT /api/documents/:documentId), not the
 * push, in outbox order, so a submission queued after its files finds them on the server.
 */
export const UPLOAD_KIND = 'document.upload.v1';
export type UploadKind = typeof UPLOAD_KIND;

export type UploadPayload = {
	/** The document's UUID (`document.client_id`), named by the draft's justificatifs step. */
	documentId: string;
	type: DocumentTypeCode;
	personId?: number | null;
	personLabel?: string | null;
	name: string;
	mime: string;
	size: number;
};

/** Statuses of the upload route that refuse a file for good: sending it again changes nothing. */
export const FINAL_UPLOAD_REFUSALS: readonly number[] = [400, 409, 413, 415];

/** Said when the file left the device before it was sent (storage evicted by the browser). */
export const MISSING_FILE = "Le fichier n'est plus sur cet appareil : choisissez-le à nouveau.";
export const MISSING_FILE_CODE = 'fichier-absent';
