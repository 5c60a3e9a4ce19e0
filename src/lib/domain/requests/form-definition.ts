import type { z } from 'zod';
import type { DocumentTypeCode } from '../documents/document-types.ts';
import type { Profile } from '../profile/profile.ts';
import type { FormCode } from './form-codes.ts';
import type { RecapSection } from './recap.ts';

/**
 * A téléprocédure's form (DESIGN §3): a list of steps, each with its own schema, checked in the
 * browser as the parent leaves the step (offline too), and the whole answers' schema, checked by
 * the server when the demande is sent (authoritative). A draft's data holds each step's answers
 * under the step's id: `{ [step.id]: answers }`, possibly incomplete.
 *
 * Schemas are made for a day (`today`, `YYYY-MM-DD`, the Paris day: the server passes its own):
 * a signature may not be dated tomorrow, the salle des fêtes is asked for 15 days ahead at least.
 * Their output is a valid input giving the same output, so the answers the server keeps at
 * sending can be opened again for a complément.
 */
export type FormStep = {
	id: string;
	/** As the step list shows it ("Responsable du dossier"). */
	label: string;
	schema(today: string): z.ZodType;
};

/** A justificatif a demande needs, and the document given for it (its UUID), if any. */
export type DocumentNeed = {
	type: DocumentTypeCode;
	personId: number | null;
	personLabel: string | null;
	documentId: string | null;
};

/** A draft's answers as the form's pages write them: `{ [stepId]: answers }`. */
export type DraftAnswers = Record<string, unknown>;

export type FormDefinition<Data = unknown> = {
	code: FormCode;
	steps: readonly FormStep[];
	/** Every step together, with the rules between steps: what the server accepts on sending. */
	submitSchema(today: string): z.ZodType<Data>;
	/** A new draft's answers from the signed-in parent's profile ("pré-remplis avec vos informations"). */
	prefill(profile: Profile, today: string): DraftAnswers;
	/** "Informations de la demande": the accepted answers in French, one section per step. */
	recap(data: Data): RecapSection[];
	/** Mes demandes' "Personne concernée" ("DUPIN Tim"), and the person's id when already known. */
	personConcerned(data: Data): { personId: number | null; label: string } | null;
	/** The justificatifs this demande needs (Non fourni when `documentId` is null). */
	documents(data: Data): DocumentNeed[];
	/** The days of the salle des fêtes it asks for (only that form). */
	hallDays?(data: Data): string[];
	/** The field beside which a refusal of those days is shown ("reservation.dateDebut"). */
	hallDaysField?: string;
};
