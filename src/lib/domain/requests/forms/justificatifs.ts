import { z } from 'zod';
import { DOCUMENT_TYPE_LABELS, type DocumentTypeCode } from '../../documents/document-types.ts';
import type { DocumentNeed } from '../form-definition.ts';
import type { RecapSection } from '../recap.ts';

/**
 * The "Justificatifs" step (shared shape): for each type the form asks for, send a file now,
 * reuse one on file, or give it later ("Non fourni": the demande can still be sent, as the
 * manual says). `documentId` is the document's UUID, an upload of this draft or one on file.
 */
export const DOCUMENT_CHOICES = ['envoyer', 'reutiliser', 'plus-tard'] as const;
export type DocumentChoice = (typeof DOCUMENT_CHOICES)[number];
export const DOCUMENT_CHOICE_LABELS: Record<DocumentChoice, string> = {
	envoyer: 'Envoyer un fichier',
	reutiliser: 'Réutiliser un justificatif déjà fourni',
	'plus-tard': 'Plus tard (non fourni)'
};

const entry = z
	.object({
		choice: z.enum(DOCUMENT_CHOICES, { error: 'Choisissez une des trois possibilités.' }),
		documentId: z.uuid({ error: 'Justificatif inconnu.' }).nullable().optional()
	})
	.superRefine((e, ctx) => {
		if (e.choice !== 'plus-tard' && !e.documentId)
			ctx.addIssue({
				code: 'custom',
				path: ['documentId'],
				message:
					e.choice === 'envoyer'
						? 'Ajoutez le fichier, ou choisissez « Plus tard ».'
						: 'Choisissez le justificatif à réutiliser.'
			});
	})
	.transform((e) => ({
		choice: e.choice,
		documentId: e.choice === 'plus-tard' ? null : (e.documentId ?? null)
	}))
	.default({ choice: 'plus-tard', documentId: null });

/** The step's schema for the given types: another type is refused, a missing one is "plus tard". */
export function justificatifsStep(types: readonly DocumentTypeCode[]) {
	const shape = Object.fromEntries(types.map((type) => [type, entry])) as Record<
		DocumentTypeCode,
		typeof entry
	>;
	return z.object({
		justificatifs: z
			.strictObject(shape, { error: 'Justificatif non demandé.' })
			.default(
				() => Object.fromEntries(types.map((t) => [t, { choice: 'plus-tard', documentId: null }])) as never
			)
	});
}
export type JustificatifsAnswers = {
	justificatifs: Partial<Record<DocumentTypeCode, { choice: DocumentChoice; documentId: string | null }>>;
};

/** Each type asked, for whom, and the document given (null: Non fourni). */
export function documentNeeds(
	answers: JustificatifsAnswers,
	whom: Partial<Record<DocumentTypeCode, { personId: number | null; personLabel: string | null }>>,
	types: readonly DocumentTypeCode[]
): DocumentNeed[] {
	return types.map((type) => ({
		type,
		personId: whom[type]?.personId ?? null,
		personLabel: whom[type]?.personLabel ?? null,
		documentId: answers.justificatifs[type]?.documentId ?? null
	}));
}

export function justificatifsRecap(
	answers: JustificatifsAnswers,
	types: readonly DocumentTypeCode[]
): RecapSection {
	return {
		stepId: 'justificatifs',
		title: 'Justificatifs',
		rows: types.map((type) => {
			const choice = answers.justificatifs[type]?.choice ?? 'plus-tard';
			return {
				label: DOCUMENT_TYPE_LABELS[type],
				value:
					choice === 'envoyer'
						? 'Fichier envoyé'
						: choice === 'reutiliser'
							? 'Justificatif déjà fourni'
							: 'Non fourni'
			};
		})
	};
}
