import { z } from 'zod';
import { FORM_CODES } from './form-codes.ts';
import type { DemandeStatusCode } from './status.ts';

/**
 * What the browser's outbox sends for demandes (through POST /api/sync/push, DESIGN §4). A
 * demande is named by the UUID the browser gave its draft, so a draft saved offline, then its
 * submission, then a replay of either, all reach the same demande.
 *
 * Revisions: each save on the server raises the demande's revision. A save names the revision it
 * started from (`baseRevision`, 0 before the first) and the device that made it (`writerId`, one
 * per device and draft). It is applied when nobody saved since that revision, or when the saves
 * since were this device's own (a run of saves made offline all start from the same revision);
 * otherwise the draft was changed on another device and the save is refused with both versions'
 * dates, never silently overwritten.
 */

/** A draft's answers as JSON: a fiche enfant with ten other persons is under 8 KiB. */
export const MAX_DRAFT_BYTES = 32 * 1024;
/** Drafts a household may keep at once: more are refused with a reason, never deleted silently. */
export const MAX_DRAFTS = 50;

export const draftDataSchema = z
	.record(z.string().max(40), z.unknown())
	.refine((data) => JSON.stringify(data).length <= MAX_DRAFT_BYTES, {
		message: 'Ce brouillon est trop volumineux pour être enregistré.'
	});

const demandeRef = {
	demandeId: z.uuid(),
	formCode: z.enum(FORM_CODES),
	writerId: z.uuid(),
	baseRevision: z.int().min(0),
	/** The step the parent was at: another device opens the draft there. */
	step: z.int().min(0).max(20),
	data: draftDataSchema,
	/** When the device wrote this version (shown to the parent if two versions compete). */
	savedAt: z.iso.datetime()
};

export const demandeSavePayload = z.object(demandeRef);
/** Sending: the answers are checked against the form's whole schema by the server. */
export const demandeSubmitPayload = z.object(demandeRef);
export const demandeDeletePayload = z.object({ demandeId: z.uuid() });

export type DemandeSavePayload = z.infer<typeof demandeSavePayload>;
export type DemandeSubmitPayload = z.infer<typeof demandeSubmitPayload>;
export type DemandeDeletePayload = z.infer<typeof demandeDeletePayload>;

const mutation = <K extends string, P extends z.ZodType>(kind: K, payload: P) =>
	z.object({ id: z.uuid(), kind: z.literal(kind), createdAt: z.iso.datetime(), payload });

export const requestMutationSchemas = [
	mutation('demande.save.v1', demandeSavePayload),
	mutation('demande.submit.v1', demandeSubmitPayload),
	mutation('demande.delete.v1', demandeDeletePayload)
] as const;

/** What an applied save or submission answers: the town's number and where the demande is. */
export type DemandeAck = { number: number; revision: number; status: DemandeStatusCode };

/** A save refused because another device saved since: the server's version, to choose from. */
export type DraftConflict = { revision: number; updatedAt: string };

/** Refusal codes of demande mutations (besides the protocol's own). */
export const DRAFT_CONFLICT = 'brouillon-modifie';
export const DEMANDE_INVALID = 'demande-invalide';
