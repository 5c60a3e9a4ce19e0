import { fromIsoDate } from '$lib/domain/agenda/dates.ts';

const MONTHS = [
	'janvier',
	'février',
	'mars',
	'avril',
	'mai',
	'juin',
	'juillet',
	'août',
	'septembre',
	'octobre',
	'novembre',
	'décembre'
];
export const WEEKDAYS_SHORT = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];
export const WEEKDAYS_LONG = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'];

/** "février 2018". */
export function monthTitle(date: string): string {
	return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "jeudi 3 décembre 2026". */
export function longDay(date: string): string {
	const d = fromIsoDate(date);
	return `${WEEKDAYS_LONG[(d.getUTCDay() + 6) % 7]?.toLowerCase()} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
