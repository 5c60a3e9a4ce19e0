import { addDays, endOfMonth } from '../../../../domain/agenda/dates.ts';
import { hallWindow } from '../../../../domain/requests/forms/hall-rules.ts';
import type { HallDaysAnswer } from '../../../../domain/requests/snapshot.ts';

/** Why a day of the hall's calendar cannot be chosen; null: it can. */
export type HallDayBlock = 'trop-tot' | 'trop-tard' | 'demandee' | 'reservee' | null;

export type HallCalendarDay = { day: string; block: HallDayBlock };

export const HALL_BLOCK_LABELS: Record<Exclude<HallDayBlock, null>, string> = {
	'trop-tot': 'trop proche',
	'trop-tard': 'trop lointain',
	demandee: 'déjà demandé',
	reservee: 'réservé'
};

/**
 * Every day of `month` (YYYY-MM) with why it cannot be asked for: outside the form's window seen
 * on `today` (the same rule the schema checks), or already asked for or booked by another demande.
 * `own` are this draft's own days: once sent they are listed as asked for, by itself.
 */
export function hallMonth(
	month: string,
	today: string,
	taken: HallDaysAnswer['days'],
	own: readonly string[] = []
): HallCalendarDay[] {
	const { earliest, latest } = hallWindow(today);
	const states = new Map(taken.map((t) => [t.day, t.state]));
	const last = endOfMonth(`${month}-01`);
	const days: HallCalendarDay[] = [];
	for (let day = `${month}-01`; day <= last; day = addDays(day, 1)) {
		const state = own.includes(day) ? undefined : states.get(day);
		const block: HallDayBlock = day < earliest ? 'trop-tot' : day > latest ? 'trop-tard' : (state ?? null);
		days.push({ day, block });
	}
	return days;
}

/** The days from `first` to `last` that another demande holds (a range must not cross one). */
export function takenWithin(
	first: string,
	last: string,
	taken: HallDaysAnswer['days'],
	own: readonly string[] = []
): string[] {
	return taken
		.filter((t) => t.day >= first && t.day <= last && !own.includes(t.day))
		.map((t) => t.day)
		.sort();
}
