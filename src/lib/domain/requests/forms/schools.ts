/** The town's schools a child may be enrolled in (the demo's first), and the French levels. */
export const SCHOOLS = [
	'École publique de Hesdigneul-lès-Boulogne',
	'École maternelle de Hesdigneul-lès-Boulogne'
] as const;

export const SCHOOL_LEVELS = ['PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2'] as const;
export const SCHOOL_LEVEL_LABELS: Record<(typeof SCHOOL_LEVELS)[number], string> = {
	PS: 'Petite section (PS)',
	MS: 'Moyenne section (MS)',
	GS: 'Grande section (GS)',
	CP: 'Cours préparatoire (CP)',
	CE1: 'Cours élémentaire 1 (CE1)',
	CE2: 'Cours élémentaire 2 (CE2)',
	CM1: 'Cours moyen 1 (CM1)',
	CM2: 'Cours moyen 2 (CM2)'
};

/** The manual's words, shown beside Établissement and Niveau. */
export const SCHOOL_WARNING =
	'Sans la saisie de l’établissement et du niveau scolaire, votre enfant ne pourra pas réserver ses repas à la restauration scolaire.';
/** And the manual's on the session "Restauration scolaire". */
export const CANTEEN_SESSION_NOTE =
	'Il est aussi obligatoire de cocher l’inscription à la session « restauration scolaire ». Le fait de cocher cette case vous permettra seulement de pouvoir réserver vos repas. La réservation des repas s’effectuera plus tard sur l’agenda de votre compte.';
export const NO_SCHOOL_YET = 'Aucune inscription scolaire pour cet usager';
