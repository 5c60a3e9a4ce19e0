import { z } from 'zod';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from './document-types.ts';

/**
 * A justificatif as the household sees it (Ma bibliothèque de justificatifs, a demande's
 * justificatifs step): never its file, which is downloaded on demand and never kept offline.
 * `id` is the UUID the browser gave the upload.
 */
export const documentViewSchema = z.object({
	id: z.string(),
	type: z.enum(DOCUMENT_TYPES),
	personId: z.number().nullable(),
	personLabel: z.string().nullable(),
	status: z.enum(DOCUMENT_STATUSES),
	expiresOn: z.string().nullable(),
	reason: z.string().nullable(),
	name: z.string(),
	mime: z.string(),
	size: z.number(),
	uploadedAt: z.string()
});
export type DocumentView = z.infer<typeof documentViewSchema>;
