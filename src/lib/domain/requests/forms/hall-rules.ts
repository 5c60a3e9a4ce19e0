import { addDays, endOfMonth } from '../../agenda/dates.ts';
import { frenchDate } from '../recap.ts';

/** The salle des fêtes: how many it holds, and how far ahead it is asked for. */
export const HALL_CAPACITY = 200;
export const HALL_MIN_DAYS_AHEAD = 15;
export const HALL_MAX_MONTHS_AHEAD = 18;
export const HALL_MAX_DAYS = 3;

/** The same day `months` later, or that month's last day when it has no such day (31 → 30). */
export function addMonths(iso: string, months: number): string {
	const last = endOfMonth(iso, months);
	const day = iso.slice(8, 10);
	return day > last.slice(8, 10) ? last : `${last.slice(0, 8)}${day}`;
}

/** The first and the last day one may ask for, seen on `today`. */
export function hallWindow(today: string): { earliest: string; latest: string } {
	return { earliest: addDays(today, HALL_MIN_DAYS_AHEAD), latest: addMonths(today, HALL_MAX_MONTHS_AHEAD) };
}

export const tooSoon = (earliest: string) =>
	`La salle se demande au moins ${HALL_MIN_DAYS_AHEAD} jours à l’avance : à partir du ${frenchDate(earliest)}.`;
export const tooFar = (latest: string) =>
	`La salle se demande au plus ${HALL_MAX_MONTHS_AHEAD} mois à l’avance : jusqu’au ${frenchDate(latest)}.`;

/** Every day from the first to the last (a few: the schema allows three). */
export function daysFromTo(first: string, last: string): string[] {
	const days: string[] = [];
	for (let day = first; day <= last && days.length < HALL_MAX_DAYS; day = addDays(day, 1)) days.push(day);
	return days;
}
