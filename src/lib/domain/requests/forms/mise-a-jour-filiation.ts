import { z } from 'zod';
import { RELATION_LABELS } from '../../profile/profile.ts';
import type { FormDefinition } from '../form-definition.ts';
import { frenchDate, orNotGiven } from '../recap.ts';
import { formSchema, onceParsed, optionalPersonRef, personRef } from './fields.ts';
import { documentNeeds, justificatifsRecap, justificatifsStep } from './justificatifs.ts';
import { newAdultSchema, newPersonLabel } from './new-person.ts';

/** The relations a filiation may declare (the profile's kinds, a conjoint is not one). */
export const FILIATION_LINKS = ['pere', 'mere', 'responsable-legal'] as const;
export const FILIATION_DOCUMENTS = ['livret-famille'] as const;

const filiationStep = (today: string) =>
	z
		.object({
			enfant: personRef('Choisissez l’enfant concerné.'),
			adulte: optionalPersonRef('Choisissez l’adulte.'),
			nouvelAdulte: newAdultSchema(today).nullable().default(null),
			lien: z.enum(FILIATION_LINKS, { error: 'Choisissez le lien dans la liste.' })
		})
		.superRefine(
			(f, ctx) => {
				const message =
					!f.adulte && !f.nouvelAdulte
						? 'Choisissez l’adulte dans la liste, ou ajoutez-le avec « + ».'
						: f.adulte && f.nouvelAdulte
							? 'Choisissez l’adulte dans la liste ou ajoutez-le, pas les deux.'
							: null;
				if (message) ctx.addIssue({ code: 'custom', path: ['adulte'], message });
			},
			onceParsed('adulte', 'nouvelAdulte')
		);
const justificatifs = () => justificatifsStep(FILIATION_DOCUMENTS);

export const miseAJourFiliationSchema = (today: string) =>
	formSchema({ filiation: filiationStep(today), justificatifs: justificatifs() });
export type MiseAJourFiliation = z.output<ReturnType<typeof miseAJourFiliationSchema>>;

const adultLabel = (f: MiseAJourFiliation['filiation']): string =>
	f.adulte?.label ?? (f.nouvelAdulte ? newPersonLabel(f.nouvelAdulte) : '');

/** "Mise à jour d'une filiation": which child, which adult (or a new one), and how they are related. */
export const miseAJourFiliation: FormDefinition<MiseAJourFiliation> = {
	code: 'mise-a-jour-filiation',
	steps: [
		{ id: 'filiation', label: 'Filiation', schema: filiationStep },
		{ id: 'justificatifs', label: 'Justificatifs', schema: justificatifs }
	],
	submitSchema: miseAJourFiliationSchema,
	prefill: () => ({}),
	recap: ({ filiation: f, justificatifs: j }) => [
		{
			stepId: 'filiation',
			title: 'Filiation',
			rows: [
				{ label: 'Enfant', value: f.enfant.label },
				{ label: 'Adulte', value: `${adultLabel(f)}${f.nouvelAdulte ? ' (nouvel adulte)' : ''}` },
				...(f.nouvelAdulte
					? [
							{ label: 'Civilité', value: f.nouvelAdulte.civilite },
							{
								label: 'Date de naissance',
								value: f.nouvelAdulte.dateNaissance
									? frenchDate(f.nouvelAdulte.dateNaissance)
									: orNotGiven(null)
							}
						]
					: []),
				{ label: 'Lien', value: RELATION_LABELS[f.lien] ?? f.lien }
			]
		},
		justificatifsRecap(j, FILIATION_DOCUMENTS)
	],
	personConcerned: ({ filiation: f }) => ({ personId: f.enfant.personId, label: f.enfant.label }),
	documents: ({ filiation: f, justificatifs: j }) =>
		documentNeeds(
			j,
			{ 'livret-famille': { personId: f.enfant.personId, personLabel: f.enfant.label } },
			FILIATION_DOCUMENTS
		)
};
