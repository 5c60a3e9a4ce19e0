import type { Component } from 'svelte';
import Autorisations from './Autorisations.svelte';
import AutresPersonnes from './AutresPersonnes.svelte';
import Conjoint from './Conjoint.svelte';
import Enfant from './Enfant.svelte';
import Justificatifs from '../shared/JustificatifsStep.svelte';
import Responsable from './Responsable.svelte';
import Signature from './Signature.svelte';
import type { StepProps } from '../step-props.ts';

/** The fiche enfant's seven steps, by the step ids of its FormDefinition (forms/fiche-enfant.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step has its own answers' shape
export const FICHE_ENFANT_STEPS: Record<string, Component<StepProps<any>, object, 'value'>> = {
	responsable: Responsable,
	conjoint: Conjoint,
	enfant: Enfant,
	autorisations: Autorisations,
	'autres-personnes': AutresPersonnes,
	justificatifs: Justificatifs,
	signature: Signature
};
