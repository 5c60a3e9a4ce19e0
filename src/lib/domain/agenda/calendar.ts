import { addDays, fromIsoDate } from './dates.ts';

/** What the agenda needs of the town's school calendar (as the server sends it). */
export type CalendarClosure = {
	kind: 'vacances' | 'ferie' | 'fermeture';
	label: string;
	startsOn: string;
	endsOn: string;
};
export type TownCalendar = {
	schoolYears: { id: string; startsOn: string; endsOn: string }[];
	closures: CalendarClosure[];
};

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
	return (fromIsoDate(date).getUTCDay() + 6) % 7;
}

export type DayKind =
	| { open: 'school' }
	| { open: 'leisure' }
	| { open: false; reason: 'weekend' | 'ferie' | 'fermeture' | 'hors-annee'; label: string };

function closureOn(
	calendar: TownCalendar,
	date: string,
	kind: CalendarClosure['kind']
): CalendarClosure | undefined {
	return calendar.closures.find((c) => c.kind === kind && c.startsOn <= date && date <= c.endsOn);
}

/**
 * What a day is for the town's services: a school day (canteen, garderie), a leisure day
 * (Wednesdays and school-holiday weekdays: centre de loisirs), or closed, with why.
 */
export function dayKind(calendar: TownCalendar, date: string): DayKind {
	const weekday = weekdayIndex(date);
	if (weekday >= 5) return { open: false, reason: 'weekend', label: 'Week-end' };
	const holiday = closureOn(calendar, date, 'ferie');
	if (holiday) return { open: false, reason: 'ferie', label: holiday.label };
	const closure = closureOn(calendar, date, 'fermeture');
	if (closure) return { open: false, reason: 'fermeture', label: closure.label };
	const year = calendar.schoolYears.find((y) => y.startsOn <= date && date <= y.endsOn);
	if (!year) return { open: false, reason: 'hors-annee', label: 'Hors année scolaire' };
	if (closureOn(calendar, date, 'vacances') || weekday === 2) return { open: 'leisure' };
	return { open: 'school' };
}

/** Every ISO day from `from` to `to` included. */
export function daysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
	return days;
}

/** ISO week number (the manual's "Sem." column): the week of that week's Thursday. */
export function isoWeek(date: string): number {
	const thursday = fromIsoDate(date);
	thursday.setUTCDate(thursday.getUTCDate() - weekdayIndex(date) + 3);
	const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
	return 1 + Math.floor((thursday.getTime() - yearStart) / 86400000 / 7);
}
