import Justificatifs from '../shared/JustificatifsStep.svelte';
import Adresse from './Adresse.svelte';
import EtatCivil from './EtatCivil.svelte';
import Filiation from './Filiation.svelte';

/** "Mettre à jour mes informations": its three forms' steps, by id. */
export const MISE_A_JOUR_ADRESSE_STEPS = { adresse: Adresse, justificatifs: Justificatifs };
export const MISE_A_JOUR_FILIATION_STEPS = { filiation: Filiation, justificatifs: Justificatifs };
export const CORRECTION_ETAT_CIVIL_STEPS = { 'etat-civil': EtatCivil, justificatifs: Justificatifs };
