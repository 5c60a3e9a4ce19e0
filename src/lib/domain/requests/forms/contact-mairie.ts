import { z } from 'zod';
import type { FormDefinition } from '../form-definition.ts';
import { signedInName } from './from-profile.ts';
import { formSchema, longText, text } from './fields.ts';

export const MAX_MESSAGE_LENGTH = 5000;

const messageStep = () =>
	z.object({
		nom: text(120),
		objet: text(150),
		message: longText(MAX_MESSAGE_LENGTH),
		pieceJointe: z.uuid({ error: 'Pièce jointe inconnue.' }).nullable().default(null)
	});

export const contactMairieSchema = (_today: string) => formSchema({ message: messageStep() });
export type ContactMairie = z.output<ReturnType<typeof contactMairieSchema>>;

/** "Contacter la mairie": an objet, a message, and a file joined if need be (Pièce jointe). */
export const contactMairie: FormDefinition<ContactMairie> = {
	code: 'contact-mairie',
	steps: [{ id: 'message', label: 'Votre message', schema: messageStep }],
	submitSchema: contactMairieSchema,
	prefill: (profile) => ({ message: { nom: signedInName(profile) } }),
	recap: ({ message: m }) => [
		{
			stepId: 'message',
			title: 'Votre message',
			rows: [
				{ label: 'Nom', value: m.nom },
				{ label: 'Objet', value: m.objet },
				{ label: 'Message', value: m.message },
				{ label: 'Pièce jointe', value: m.pieceJointe ? 'Oui' : 'Aucune' }
			]
		}
	],
	personConcerned: ({ message: m }) => ({ personId: null, label: m.nom }),
	documents: ({ message: m }) =>
		m.pieceJointe
			? [{ type: 'piece-jointe', personId: null, personLabel: null, documentId: m.pieceJointe }]
			: []
};
