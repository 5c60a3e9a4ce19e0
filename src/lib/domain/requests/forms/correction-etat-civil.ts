import { z } from 'zod';
import { DEPARTEMENT } from '../../accounts/identity.ts';
import type { FormDefinition } from '../form-definition.ts';
import { frenchDate, type RecapRow } from '../recap.ts';
import { emptyAsNull, formSchema, personRef, longText, optionalText } from './fields.ts';
import { documentNeeds, justificatifsRecap, justificatifsStep } from './justificatifs.ts';
import { birthDate, CIVILITES } from './new-person.ts';

export const ETAT_CIVIL_DOCUMENTS = ['livret-famille'] as const;

/** The civil fields one may ask to correct, as "Mes données civiles" names them. */
export const CIVIL_FIELD_LABELS = {
	civilite: 'Civilité',
	nomNaissance: 'Nom de naissance',
	nomUsage: 'Nom d’usage',
	prenom: '1er prénom',
	prenom2: '2ème prénom',
	prenom3: '3ème prénom',
	dateNaissance: 'Date de naissance',
	paysNaissance: 'Pays de naissance',
	communeNaissance: 'Commune de naissance',
	departementNaissance: 'N° département de naissance'
} as const;
type CivilField = keyof typeof CIVIL_FIELD_LABELS;

/** Only the fields to correct are filled; each one follows the registration's rule. */
const corrections = (today: string) =>
	z
		.object({
			civilite: emptyAsNull(z.enum(CIVILITES, { error: 'Choisissez Monsieur ou Madame.' })),
			nomNaissance: optionalText(80),
			nomUsage: optionalText(80),
			prenom: optionalText(80),
			prenom2: optionalText(80),
			prenom3: optionalText(80),
			dateNaissance: emptyAsNull(birthDate(today)),
			paysNaissance: optionalText(80),
			communeNaissance: optionalText(80),
			departementNaissance: optionalText(3).refine(
				(v) => v === null || DEPARTEMENT.test(v),
				'Numéro de département invalide (exemple : 62, 2A, 974).'
			)
		})
		.refine((c) => Object.values(c).some((v) => v !== null), 'Indiquez au moins une donnée à corriger.');

const etatCivilStep = (today: string) =>
	z.object({
		personne: personRef('Choisissez la personne concernée.'),
		corrections: corrections(today),
		motif: longText(1000)
	});
const justificatifs = () => justificatifsStep(ETAT_CIVIL_DOCUMENTS);

export const correctionEtatCivilSchema = (today: string) =>
	formSchema({ 'etat-civil': etatCivilStep(today), justificatifs: justificatifs() });
export type CorrectionEtatCivil = z.output<ReturnType<typeof correctionEtatCivilSchema>>;

function correctionRows(c: CorrectionEtatCivil['etat-civil']['corrections']): RecapRow[] {
	return (Object.keys(CIVIL_FIELD_LABELS) as CivilField[]).flatMap((field) => {
		const value = c[field];
		if (value === null) return [];
		return [
			{ label: CIVIL_FIELD_LABELS[field], value: field === 'dateNaissance' ? frenchDate(value) : value }
		];
	});
}

/** "Correction de données d'état civil": which person, the corrected fields, why. */
export const correctionEtatCivil: FormDefinition<CorrectionEtatCivil> = {
	code: 'correction-etat-civil',
	steps: [
		{ id: 'etat-civil', label: 'Données à corriger', schema: etatCivilStep },
		{ id: 'justificatifs', label: 'Justificatifs', schema: justificatifs }
	],
	submitSchema: correctionEtatCivilSchema,
	prefill: () => ({}),
	recap: ({ 'etat-civil': e, justificatifs: j }) => [
		{
			stepId: 'etat-civil',
			title: 'Données à corriger',
			rows: [
				{ label: 'Personne concernée', value: e.personne.label },
				...correctionRows(e.corrections),
				{ label: 'Motif', value: e.motif }
			]
		},
		justificatifsRecap(j, ETAT_CIVIL_DOCUMENTS)
	],
	personConcerned: ({ 'etat-civil': e }) => ({ personId: e.personne.personId, label: e.personne.label }),
	documents: ({ 'etat-civil': e, justificatifs: j }) =>
		documentNeeds(
			j,
			{ 'livret-famille': { personId: e.personne.personId, personLabel: e.personne.label } },
			ETAT_CIVIL_DOCUMENTS
		)
};
