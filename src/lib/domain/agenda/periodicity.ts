import { daysBetween, weekdayIndex } from './calendar.ts';
import { fromIsoDate } from './dates.ts';

export type Periodicity = 'aucune' | 'hebdomadaire' | 'une-semaine-sur-deux';

const DAY = 86400000;

/**
 * The days a saisie groupée covers: from `from` to `to`, on the chosen weekdays (0 = lundi),
 * every week or one week in two counting from the week of `from`. "Aucune" means every day of the
 * period (on the chosen weekdays, if any were chosen).
 */
export function expandPeriod(
	from: string,
	to: string,
	weekdays: number[],
	periodicity: Periodicity
): string[] {
	const startMonday = fromIsoDate(from).getTime() - weekdayIndex(from) * DAY;
	return daysBetween(from, to).filter((date) => {
		if (weekdays.length > 0 && !weekdays.includes(weekdayIndex(date))) return false;
		if (periodicity !== 'une-semaine-sur-deux') return true;
		const week = Math.floor((fromIsoDate(date).getTime() - startMonday) / (7 * DAY));
		return week % 2 === 0;
	});
}

/**
 * How many days expandPeriod gives, counted without listing them: what a saisie groupée will cost
 * is known before any work is done (a hostile one may name a year of days for ten children).
 * Days are numbered from the Monday of the week of `from`; weekday w falls on 7k + w.
 */
export function countPeriodDays(
	from: string,
	to: string,
	weekdays: number[],
	periodicity: Periodicity
): number {
	const first = weekdayIndex(from);
	const last = first + Math.round((fromIsoDate(to).getTime() - fromIsoDate(from).getTime()) / DAY);
	if (!(last >= first)) return 0;
	const chosen = weekdays.length > 0 ? new Set(weekdays) : new Set([0, 1, 2, 3, 4, 5, 6]);
	let count = 0;
	for (const w of chosen) {
		if (!Number.isInteger(w) || w < 0 || w > 6) continue;
		const firstWeek = w >= first ? 0 : 1;
		const lastWeek = Math.floor((last - w) / 7);
		if (lastWeek < firstWeek) continue;
		// Every week, or the even ones only (week 0 is the week of `from`).
		count +=
			periodicity === 'une-semaine-sur-deux'
				? Math.floor(lastWeek / 2) - Math.floor((firstWeek - 1) / 2)
				: lastWeek - firstWeek + 1;
	}
	return count;
}
