import type { DocumentPerson } from '../documents/valid-on-file.ts';
import type { DocumentTypeCode } from '../documents/document-types.ts';
import type { FormDefinition } from './form-definition.ts';

/**
 * Whom each justificatif of a draft is for (the child's livret, the responsable's attestation
 * CAF), read from the answers typed so far with the form's own `documents` rule, so the
 * justificatifs step can say one is already on file. A draft not far enough for the rule to read
 * (no responsable chosen yet) gives nothing: the step then says nothing either.
 */
export function documentPersons(
	definition: Pick<FormDefinition<never>, 'documents'>,
	data: Record<string, unknown>
): Partial<Record<DocumentTypeCode, DocumentPerson>> {
	// Only the persons are read: the files chosen do not matter here.
	const answers = { ...data, justificatifs: { justificatifs: {} } } as never;
	try {
		const needs = definition.documents(answers);
		return Object.fromEntries(
			needs.map((n) => [n.type, { personId: n.personId, personLabel: n.personLabel }])
		);
	} catch {
		return {};
	}
}
