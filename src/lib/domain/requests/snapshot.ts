import { z } from 'zod';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../documents/document-types.ts';
import { documentViewSchema } from '../documents/document-view.ts';
import { FORM_CODES } from './form-codes.ts';
import { DEMANDE_STATUSES, editableByFamily } from './status.ts';

/**
 * What GET /api/requests/pull answers (DESIGN §4): the household's demandes and justificatifs as
 * Mes demandes shows them offline, or only the version when the device already has it. Parsed by
 * this schema before the browser keeps it (never cast). Bounded: MAX_PULLED_DEMANDES demandes, and
 * the most recent documents. The demandes are every one the family can still change (drafts and
 * "Complément demandé", ALWAYS_PULLED_STATUSES), then the most recent of the others; `truncated`
 * says some older ones are not listed. A draft is never left out while it counts toward
 * MAX_DRAFTS, and can be continued or deleted on any device (attack review, finding 8): the
 * household bounds keep those to MAX_DRAFTS + MAX_OPEN_DEMANDES (80), within the 100.
 */
export const MAX_PULLED_DEMANDES = 100;
export const ALWAYS_PULLED_STATUSES = DEMANDE_STATUSES.filter(editableByFamily);
export const MAX_PULLED_DOCUMENTS = 200;

/** A need's state: "Non fourni" when no document is given, else the given document's status. */
export const NEED_STATUSES = ['non-fourni', ...DOCUMENT_STATUSES] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

const status = z.enum(DEMANDE_STATUSES);

/** A line of the demande's history: when, who, from → to (from is null at its creation). */
export const demandeHistoryLineSchema = z.object({
	at: z.string(),
	author: z.string(),
	from: status.nullable(),
	to: status,
	comment: z.string().nullable()
});

/** A justificatif the demande needs; `documentId` is the given document's UUID. */
export const demandeNeedSchema = z.object({
	type: z.enum(DOCUMENT_TYPES),
	personId: z.number().nullable(),
	personLabel: z.string().nullable(),
	documentId: z.string().nullable(),
	status: z.enum(NEED_STATUSES)
});

/**
 * A demande as its household sees it. `id` is the UUID its draft was given; `revision` and
 * `writerId` let a device tell its own last save from another device's (mutations.ts).
 */
export const demandeViewSchema = z.object({
	id: z.string(),
	number: z.number(),
	formCode: z.enum(FORM_CODES),
	status,
	personId: z.number().nullable(),
	personLabel: z.string().nullable(),
	data: z.record(z.string(), z.unknown()),
	step: z.number(),
	revision: z.number(),
	writerId: z.string(),
	createdAt: z.string(),
	updatedAt: z.string(),
	submittedAt: z.string().nullable(),
	history: z.array(demandeHistoryLineSchema),
	needs: z.array(demandeNeedSchema)
});
export type DemandeView = z.infer<typeof demandeViewSchema>;

export const requestsSnapshotSchema = z.union([
	z.object({ version: z.number(), unchanged: z.literal(true) }),
	z.object({
		version: z.number(),
		demandes: z.array(demandeViewSchema).max(MAX_PULLED_DEMANDES),
		truncated: z.boolean(),
		documents: z.array(documentViewSchema).max(MAX_PULLED_DOCUMENTS)
	})
]);
export type RequestsSnapshot = z.infer<typeof requestsSnapshotSchema>;

/** The days of the salle des fêtes already asked for or booked, town-wide (no personal data). */
export const hallDaysAnswerSchema = z.object({
	from: z.string(),
	to: z.string(),
	days: z.array(z.object({ day: z.string(), state: z.enum(['demandee', 'reservee']) }))
});
export type HallDaysAnswer = z.infer<typeof hallDaysAnswerSchema>;
