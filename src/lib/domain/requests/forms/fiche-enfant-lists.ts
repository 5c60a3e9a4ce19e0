import { SESSION_LABELS } from '../../profile/profile.ts';

/** Situation familiale: the usual French list. */
export const SITUATIONS_FAMILIALES = [
	'celibataire',
	'marie',
	'pacse',
	'union-libre',
	'separe',
	'divorce',
	'veuf'
] as const;
export const SITUATION_LABELS: Record<(typeof SITUATIONS_FAMILIALES)[number], string> = {
	celibataire: 'Célibataire',
	marie: 'Marié(e)',
	pacse: 'Pacsé(e)',
	'union-libre': 'Union libre',
	separe: 'Séparé(e)',
	divorce: 'Divorcé(e)',
	veuf: 'Veuf / veuve'
};

export const SESSION_CODES = Object.keys(SESSION_LABELS) as [string, ...string[]];

/** "Autorisation globale": each one answered oui or non. */
export const AUTORISATION_LABELS = {
	droitImage:
		'Droit à l’image : j’autorise la commune à photographier ou filmer mon enfant lors des activités, et à utiliser ces images dans ses publications',
	soinsUrgence:
		'Soins d’urgence : j’autorise les responsables à faire soigner mon enfant et à prendre toute mesure d’urgence nécessaire',
	sortieSeul: 'Sortie seul : j’autorise mon enfant à quitter seul la garderie ou le centre de loisirs',
	sortiesScolaires:
		'Sorties : j’autorise mon enfant à participer aux sorties organisées hors de l’établissement'
} as const;
export type AutorisationCode = keyof typeof AUTORISATION_LABELS;
/** The short label a recap shows. */
export const AUTORISATION_SHORT: Record<AutorisationCode, string> = {
	droitImage: 'Droit à l’image',
	soinsUrgence: 'Soins d’urgence',
	sortieSeul: 'Sortie seul',
	sortiesScolaires: 'Sorties scolaires'
};

export const MAX_OTHER_PERSONS = 10;
