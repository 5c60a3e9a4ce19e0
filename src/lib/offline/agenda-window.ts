import { addDays, endOfMonth, startOfMonth } from '../domain/agenda/dates.ts';

/**
 * The days kept offline: the month of `date` and the `months` next ones, plus the days of the
 * neighbouring months that the month grid shows in its first and last weeks.
 */
export function monthWindow(date: string, months = 2): { from: string; to: string } {
	return { from: addDays(startOfMonth(date), -6), to: addDays(endOfMonth(date, months), 6) };
}
