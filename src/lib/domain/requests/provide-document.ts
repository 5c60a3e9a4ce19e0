import { z } from 'zod';
import { DOCUMENT_TYPES } from '../documents/document-types.ts';

/**
 * "Fournir" in Mes justificatifs à fournir (manual §3.1): a file sent once answers every open
 * demande of the household waiting for that (type, person). The file rides in the outbox first
 * (document.upload.v1), then this mutation links it, so one upload is one document on file.
 */

/** The types a demande waits for: a message's pièce jointe is never asked for, nor reused. */
export const PROVIDABLE_TYPES = DOCUMENT_TYPES.filter((t) => t !== 'piece-jointe') as [
	Exclude<(typeof DOCUMENT_TYPES)[number], 'piece-jointe'>,
	...Exclude<(typeof DOCUMENT_TYPES)[number], 'piece-jointe'>[]
];

export type ProvidableType = (typeof PROVIDABLE_TYPES)[number];
export const isProvidableType = (type: string): type is ProvidableType =>
	(PROVIDABLE_TYPES as readonly string[]).includes(type);

export const documentProvidePayload = z.object({
	/** The UUID the upload named the file with (document.client_id). */
	documentId: z.uuid().transform((id) => id.toLowerCase()),
	type: z.enum(PROVIDABLE_TYPES),
	/** A person of the household; null with a label for one not in it yet (a new child). */
	personId: z.int().positive().nullable(),
	personLabel: z.string().max(200).nullable()
});
export type DocumentProvidePayload = z.infer<typeof documentProvidePayload>;

/** Refusal codes of document.provide.v1. */
export const PROVIDE_NOT_FOUND = 'introuvable';
export const PROVIDE_FILE_MISSING = 'fichier-non-recu';
