import type { Component } from 'svelte';
import type { FormCode } from '../../../domain/requests/form-codes.ts';
import ContactMessage from './contact-mairie/Message.svelte';
import { FICHE_ENFANT_STEPS } from './fiche-enfant/index.ts';
import {
	CORRECTION_ETAT_CIVIL_STEPS,
	MISE_A_JOUR_ADRESSE_STEPS,
	MISE_A_JOUR_FILIATION_STEPS
} from './mise-a-jour/index.ts';
import { SALLE_DES_FETES_STEPS } from './salle-des-fetes/index.ts';
import type { StepProps } from './step-props.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step has its own answers' shape
export type StepComponent = Component<StepProps<any>, object, 'value'>;

/**
 * Each form's steps, by step id (the ids of its FormDefinition in src/lib/domain/requests/forms):
 * the form page looks them up here. A form with a step missing here is not offered yet.
 */
export const STEP_COMPONENTS: Record<FormCode, Record<string, StepComponent>> = {
	'fiche-enfant': FICHE_ENFANT_STEPS,
	'contact-mairie': { message: ContactMessage },
	'salle-des-fetes': SALLE_DES_FETES_STEPS,
	'mise-a-jour-adresse': MISE_A_JOUR_ADRESSE_STEPS,
	'mise-a-jour-filiation': MISE_A_JOUR_FILIATION_STEPS,
	'correction-etat-civil': CORRECTION_ETAT_CIVIL_STEPS
};
