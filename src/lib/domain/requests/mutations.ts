import { z } from 'zod';
import { FORM_CODES } from './form-codes.ts';
import { documentProvidePayload } from './provide-document.ts';
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
/**
 * Demandes a household may start in one day (Paris), drafts and direct submissions alike: each
 * takes one of the town's numbers, never given again. A family doing a fiche for each child and a
 * few messages stays far below.
 */
export const MAX_DEMANDES_PER_DAY = 20;
/** Sent demandes waiting for the town's answer (Envoyée, En cours, Complément) a household may have. */
export const MAX_OPEN_DEMANDES = 30;
/** Of those, salle des fêtes requests: two (six days at most) keep one family from holding the calendar. */
export const MAX_OPEN_HALL_DEMANDES = 2;

/** UTF-8 bytes of a text, counted without making them (what the database and the network carry). */
export function utf8Bytes(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
			bytes += 4; // a surrogate pair: one character of four bytes
			i++;
		} else bytes += 3;
	}
	return bytes;
}

export const draftDataSchema = z
	.record(z.string().max(40), z.unknown())
	.refine((data) => utf8Bytes(JSON.stringify(data)) <= MAX_DRAFT_BYTES, {
		message: 'Ce brouillon est trop volumineux pour être enregistré.'
	});

/** A UUID, lower-cased: "A…" and "a…" are one demande. */
const uuid = z.uuid().transform((id) => id.toLowerCase());

/** A device's clock is shown to the parent in a conflict only: a date of this century, never 9999. */
const savedAt = z.iso.datetime().refine((at) => at >= '2020-01-01' && at <= '2100-01-01', {
	message: 'Date d’enregistrement invalide.'
});

const demandeRef = {
	demandeId: uuid,
	formCode: z.enum(FORM_CODES),
	writerId: uuid,
	baseRevision: z.int().min(0),
	/** The step the parent was at: another device opens the draft there. */
	step: z.int().min(0).max(20),
	data: draftDataSchema,
	/** When the device wrote this version (shown to the parent if two versions compete). */
	savedAt
};

export const demandeSavePayload = z.object(demandeRef);
/** Sending: the answers are checked against the form's whole schema by the server. */
export const demandeSubmitPayload = z.object(demandeRef);
export const demandeDeletePayload = z.object({ demandeId: uuid });

export type DemandeSavePayload = z.infer<typeof demandeSavePayload>;
export type DemandeSubmitPayload = z.infer<typeof demandeSubmitPayload>;
export type DemandeDeletePayload = z.infer<typeof demandeDeletePayload>;

const mutation = <K extends string, P extends z.ZodType>(kind: K, payload: P) =>
	z.object({ id: z.uuid(), kind: z.literal(kind), createdAt: z.iso.datetime(), payload });

export const requestMutationSchemas = [
	mutation('demande.save.v1', demandeSavePayload),
	mutation('demande.submit.v1', demandeSubmitPayload),
	mutation('demande.delete.v1', demandeDeletePayload),
	mutation('document.provide.v1', documentProvidePayload)
] as const;

/** What an applied save or submission answers: the town's number and where the demande is. */
export type DemandeAck = { number: number; revision: number; status: DemandeStatusCode };

/** A save refused because another device saved since: the server's version, to choose from. */
export type DraftConflict = { revision: number; updatedAt: string };

/** Refusal codes of demande mutations (besides the protocol's own). */
export const DRAFT_CONFLICT = 'brouillon-modifie';
export const DEMANDE_INVALID = 'demande-invalide';
