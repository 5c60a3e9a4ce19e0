/** The kinds of event the salle des fêtes is lent for. */
export const EVENT_TYPES = [
	'mariage',
	'anniversaire',
	'bapteme',
	'repas-familial',
	'fete-associative',
	'reunion',
	'autre'
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
	mariage: 'Mariage',
	anniversaire: 'Anniversaire',
	bapteme: 'Baptême, communion',
	'repas-familial': 'Repas de famille',
	'fete-associative': 'Fête associative',
	reunion: 'Réunion, assemblée générale',
	autre: 'Autre (précisez)'
};
