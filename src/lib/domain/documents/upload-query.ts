import { z } from 'zod';
import { boundedString, RAW_FACTOR, tooLong } from '../accounts/bounded-text.ts';
import { optionalText } from '../requests/forms/fields.ts';
import { DOCUMENT_TYPES } from './document-types.ts';

/** An original file name is shown back to the family and to agents, never used as a path. */
export const MAX_FILE_NAME_LENGTH = 200;
export const MAX_PERSON_LABEL_LENGTH = 200;

// Control characters would break the download's header; slashes would only confuse a reader.
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\p{Cf}/\\]/gu;
// An override (U+202E…) would make a name read backwards in the library and the agents' lists.
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;

const fileName = boundedString(MAX_FILE_NAME_LENGTH)
	.transform((name) => name.normalize('NFC').replace(UNSAFE_NAME_CHARACTERS, '_').trim())
	.pipe(
		z.string().min(1, 'Le nom du fichier est vide.').max(MAX_FILE_NAME_LENGTH, tooLong(MAX_FILE_NAME_LENGTH))
	);

/**
 * The query of `PUT /api/documents/:clientId` (the body is the file itself): what the file is
 * for and whom it concerns. `personId` is a person of the household (checked by the server);
 * `personLabel` names a person not in it yet (a child a fiche enfant adds).
 */
export const uploadQuerySchema = z.object({
	type: z.enum(DOCUMENT_TYPES, { error: 'Type de justificatif inconnu.' }),
	name: fileName,
	personId: z
		.string()
		.regex(/^[1-9][0-9]{0,15}$/, 'Personne inconnue.')
		.transform(Number)
		.optional(),
	// The forms' rule for a name typed by the family (a control character is refused, as the form
	// that wrote the label refused it); a label made only of bidi controls is no label (null).
	personLabel: z.preprocess(
		(label) =>
			typeof label === 'string' && label.length <= MAX_PERSON_LABEL_LENGTH * RAW_FACTOR
				? label.replace(BIDI_CONTROLS, '')
				: label,
		optionalText(MAX_PERSON_LABEL_LENGTH)
	)
});
export type UploadQuery = z.infer<typeof uploadQuerySchema>;

export const documentIdSchema = z.object({ clientId: z.uuid() });
