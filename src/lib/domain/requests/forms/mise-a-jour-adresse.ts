import { z } from 'zod';
import type { FormDefinition } from '../form-definition.ts';
import { frenchDate } from '../recap.ts';
import { addressLine, newAddressSchema } from './address.ts';
import { defaultAddressRef } from './from-profile.ts';
import { dateWithin, formSchema, optionalAddressRef } from './fields.ts';
import { addMonths } from './hall-rules.ts';
import { documentNeeds, justificatifsRecap, justificatifsStep } from './justificatifs.ts';

export const ADRESSE_DOCUMENTS = ['justificatif-domicile'] as const;

/** The new address, from when (a move of the last year, or one planned in the next three months). */
const adresseStep = (today: string) => {
	const earliest = addMonths(today, -12);
	const latest = addMonths(today, 3);
	return z.object({
		nouvelleAdresse: newAddressSchema,
		remplace: optionalAddressRef('Choisissez l’adresse remplacée dans la liste.'),
		dateEffet: dateWithin(
			{
				day: earliest,
				message: `Un changement d’adresse de moins d’un an : à partir du ${frenchDate(earliest)}.`
			},
			{ day: latest, message: `Un déménagement prévu dans les trois mois : jusqu’au ${frenchDate(latest)}.` }
		)
	});
};
const justificatifs = () => justificatifsStep(ADRESSE_DOCUMENTS);

export const miseAJourAdresseSchema = (today: string) =>
	formSchema({ adresse: adresseStep(today), justificatifs: justificatifs() });
export type MiseAJourAdresse = z.output<ReturnType<typeof miseAJourAdresseSchema>>;

/** "Mise à jour des données d'adresse": applied to the household when an agent accepts it. */
export const miseAJourAdresse: FormDefinition<MiseAJourAdresse> = {
	code: 'mise-a-jour-adresse',
	steps: [
		{ id: 'adresse', label: 'Nouvelle adresse', schema: adresseStep },
		{ id: 'justificatifs', label: 'Justificatifs', schema: justificatifs }
	],
	submitSchema: miseAJourAdresseSchema,
	// A move, most often: the new main address replaces the one the household has by default.
	prefill: (profile, today) => ({
		adresse: {
			nouvelleAdresse: { name: 'Adresse principale', country: 'France', isDefault: true },
			remplace: defaultAddressRef(profile),
			dateEffet: today
		}
	}),
	recap: ({ adresse: a, justificatifs: j }) => [
		{
			stepId: 'adresse',
			title: 'Nouvelle adresse',
			rows: [
				{ label: 'Nouvelle adresse', value: `${a.nouvelleAdresse.name} : ${addressLine(a.nouvelleAdresse)}` },
				{ label: 'Adresse remplacée', value: a.remplace?.label ?? 'Aucune (adresse ajoutée)' },
				{ label: 'À partir du', value: frenchDate(a.dateEffet) }
			]
		},
		justificatifsRecap(j, ADRESSE_DOCUMENTS)
	],
	personConcerned: () => null,
	documents: ({ justificatifs: j }) => documentNeeds(j, {}, ADRESSE_DOCUMENTS)
};
