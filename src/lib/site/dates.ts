import { formatParisDateTime, formatParisDateTimeSeconds, parisDate } from '../domain/agenda/paris-time.ts';

/** French display of an ISO day or instant: 13/02/2018, « 13/02/2018 à 15:10 ». */
export function formatDay(iso: string): string {
	const [y, m, d] = iso.slice(0, 10).split('-');
	return `${d}/${m}/${y}`;
}

export function formatDateTime(iso: string): string {
	return formatParisDateTime(new Date(iso));
}

export function formatDateTimeSeconds(iso: string): string {
	return formatParisDateTimeSeconds(new Date(iso));
}

/**
 * Today in Europe/Paris as `YYYY-MM-DD` (the device's clock: for form checks only). The domain's
 * parisDate, which the server also uses with its own clock, so both judge the same day.
 */
export function todayInParis(now: Date = new Date()): string {
	return parisDate(now);
}
