import { fromIsoDate } from './dates.ts';

/**
 * How the agenda writes its dates, as French does: months and weekdays in lower case
 * ("mardi 1er décembre 2026"), "1er" for the first of the month, a capital only where a title starts.
 */
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
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
/** The month grid's column heads, as the manual writes them. */
export const WEEKDAYS_SHORT = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];

/** "Mardi …": the capital a title or a label starts with. */
export function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "lundi" for 0 … "dimanche" for 6. */
export function weekdayName(index: number): string {
	return WEEKDAYS[index] ?? '';
}

function parts(date: string) {
	const d = fromIsoDate(date);
	const day = d.getUTCDate();
	return {
		weekday: WEEKDAYS[(d.getUTCDay() + 6) % 7] ?? '',
		day: day === 1 ? '1er' : String(day),
		month: MONTHS[d.getUTCMonth()] ?? '',
		year: String(d.getUTCFullYear())
	};
}

/** "décembre 2026". */
export function monthTitle(date: string): string {
	const p = parts(date);
	return `${p.month} ${p.year}`;
}

/** "mardi 1er décembre 2026". */
export function longDay(date: string): string {
	const p = parts(date);
	return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/**
 * "Semaine du lundi 30 novembre au vendredi 4 décembre 2026": the month and the year are said once
 * when both ends share them ("du lundi 7 au vendredi 11 décembre 2026").
 */
export function weekTitle(from: string, to: string): string {
	const a = parts(from);
	const b = parts(to);
	const start =
		a.year !== b.year
			? `${a.weekday} ${a.day} ${a.month} ${a.year}`
			: a.month !== b.month
				? `${a.weekday} ${a.day} ${a.month}`
				: `${a.weekday} ${a.day}`;
	return `Semaine du ${start} au ${longDay(to)}`;
}
