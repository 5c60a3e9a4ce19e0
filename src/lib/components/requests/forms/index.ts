import type { Component } from 'svelte';
import type { FormCode } from '../../../domain/requests/form-codes.ts';
import type { StepProps } from './step-props.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step has its own answers' shape
export type StepComponent = Component<StepProps<any>, object, 'value'>;
export type StepComponents = Record<string, StepComponent>;

/**
 * Each form's steps, by step id (the ids of its FormDefinition in src/lib/domain/requests/forms),
 * loaded for the form opened only: a page does not carry every form's code on its first load.
 */
export const STEP_COMPONENTS: Record<FormCode, () => Promise<StepComponents>> = {
	'fiche-enfant': () => import('./fiche-enfant/index.ts').then((m) => m.FICHE_ENFANT_STEPS),
	'contact-mairie': () => import('./contact-mairie/Message.svelte').then((m) => ({ message: m.default })),
	'salle-des-fetes': () => import('./salle-des-fetes/index.ts').then((m) => m.SALLE_DES_FETES_STEPS),
	'mise-a-jour-adresse': () => import('./mise-a-jour/index.ts').then((m) => m.MISE_A_JOUR_ADRESSE_STEPS),
	'mise-a-jour-filiation': () => import('./mise-a-jour/index.ts').then((m) => m.MISE_A_JOUR_FILIATION_STEPS),
	'correction-etat-civil': () => import('./mise-a-jour/index.ts').then((m) => m.CORRECTION_ETAT_CIVIL_STEPS)
};

/**
 * The step ids that have their page, without loading them: what the démarche page offers. A form
 * with a step missing here is not offered yet (tests/unit/requests-step-pages.test.ts keeps this
 * list equal to what STEP_COMPONENTS loads).
 */
export const STEP_PAGES: Record<FormCode, readonly string[]> = {
	'fiche-enfant': [
		'responsable',
		'conjoint',
		'enfant',
		'autorisations',
		'autres-personnes',
		'justificatifs',
		'signature'
	],
	'contact-mairie': ['message'],
	'salle-des-fetes': ['reservation', 'contact', 'justificatifs'],
	'mise-a-jour-adresse': ['adresse', 'justificatifs'],
	'mise-a-jour-filiation': ['filiation', 'justificatifs'],
	'correction-etat-civil': ['etat-civil', 'justificatifs']
};
