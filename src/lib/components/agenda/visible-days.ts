import { daysBetween, weekdayIndex } from '$lib/domain/agenda/calendar.ts';
import { addDays, endOfMonth, startOfMonth } from '$lib/domain/agenda/dates.ts';

export type AgendaMode = 'mois' | 'semaine' | 'jour';

/**
 * The days a view shows around `cursor`: whole weeks (Monday to Sunday) covering its month, the
 * school week (Monday to Friday: the town's services never run at the weekend), or the day alone.
 */
export function visibleDays(mode: AgendaMode, cursor: string): { from: string; to: string; days: string[] } {
	if (mode === 'jour') return { from: cursor, to: cursor, days: [cursor] };
	if (mode === 'semaine') {
		const from = addDays(cursor, -weekdayIndex(cursor));
		return { from, to: addDays(from, 4), days: daysBetween(from, addDays(from, 4)) };
	}
	const first = startOfMonth(cursor);
	const last = endOfMonth(cursor);
	const from = addDays(first, -weekdayIndex(first));
	const to = addDays(last, 6 - weekdayIndex(last));
	return { from, to, days: daysBetween(from, to) };
}
