import { z } from 'zod';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../../documents/document-types.ts';

/** A page of the agents' list of justificatifs: the bound of every list of the back office. */
export const DOCUMENTS_PAGE_SIZE = 50;

/** GET /api/admin/documents: à valider unless told, oldest first, by type or family. */
export const documentQueueQuerySchema = z.object({
	statut: z.enum(DOCUMENT_STATUSES).default('a-valider'),
	type: z.enum(DOCUMENT_TYPES).optional(),
	famille: z.coerce.number().int().positive().max(2_147_483_647).optional(),
	page: z.coerce.number().int().min(1).max(10_000).default(1)
});
export type DocumentQueueQuery = z.infer<typeof documentQueueQuerySchema>;

export const documentIdParamSchema = z.object({
	id: z.coerce.number().int().positive().max(2_147_483_647)
});

/** A demande that uses a justificatif, as the manual writes it: "Fiche enfant : 36". */
export type DocumentUse = { demandeId: number; number: number; label: string; status: string };

export type AdminDocument = {
	id: number;
	householdId: number;
	famille: string;
	type: string;
	typeLabel: string;
	personId: number | null;
	personLabel: string | null;
	status: (typeof DOCUMENT_STATUSES)[number];
	expiresOn: string | null;
	reason: string | null;
	name: string;
	mime: string;
	size: number;
	uploadedAt: string;
	/** Proposed when validating (the type's validity from today), editable. */
	proposedExpiresOn: string | null;
	demandes: DocumentUse[];
};
