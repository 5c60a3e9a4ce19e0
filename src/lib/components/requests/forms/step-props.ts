import type { DocumentTypeCode } from '../../../domain/documents/document-types.ts';
import type { DocumentView } from '../../../domain/documents/document-view.ts';
import type { DocumentPerson } from '../../../domain/documents/valid-on-file.ts';
import type { FormCode } from '../../../domain/requests/form-codes.ts';
import type { Profile } from '../../../domain/profile/profile.ts';

/**
 * What the form page gives every step's component, besides `bind:value` (the step's answers, as
 * its schema reads them, possibly incomplete: a new draft holds only what the profile prefilled).
 */
export type StepContext = {
	/** The demande's UUID (a file chosen here is linked to it). */
	demandeId: string;
	formCode: FormCode;
	/** The signed-in parent's profile and household; null while unknown (offline, not loaded yet). */
	profile: Profile | null;
	/** The household's justificatifs on file, from the requests pull (offline too). */
	documents: readonly DocumentView[];
	/** The Paris day the form's schemas are made for. */
	today: string;
	/** Whom each justificatif is for, from the answers so far (document-persons.ts); absent: unknown. */
	documentPersons?: Partial<Record<DocumentTypeCode, DocumentPerson>>;
};

export type StepProps<Answers> = {
	value: Answers;
	/** French errors by field path within the step ("objet", "adresse.ville"). */
	errors: Record<string, string>;
	context: StepContext;
};

/** The errors of a step's sub-object ("nouvelleAdresse.city" → "city"), for a component that shows it. */
export function errorsWithin(errors: Record<string, string>, prefix: string): Record<string, string> {
	const start = `${prefix}.`;
	return Object.fromEntries(
		Object.entries(errors)
			.filter(([path]) => path.startsWith(start))
			.map(([path, message]) => [path.slice(start.length), message])
	);
}

/**
 * What a step gives the form of its dialog (DialogForm): the answer kept from last time, if any,
 * to start from; `save` with the checked answer; `close` to leave without it.
 */
export type DialogFormProps<T> = {
	initial: T | null;
	save: (value: T) => void;
	close: () => void;
};
