import { daysBetween, weekdayIndex } from './calendar.ts';
import { fromIsoDate } from './dates.ts';

export type Periodicity = 'aucune' | 'hebdomadaire' | 'une-semaine-sur-deux';

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
	const startMonday = fromIsoDate(from).getTime() - weekdayIndex(from) * 86400000;
	return daysBetween(from, to).filter((date) => {
		if (weekdays.length > 0 && !weekdays.includes(weekdayIndex(date))) return false;
		if (periodicity !== 'une-semaine-sur-deux') return true;
		const week = Math.floor((fromIsoDate(date).getTime() - startMonday) / (7 * 86400000));
		return week % 2 === 0;
	});
}
