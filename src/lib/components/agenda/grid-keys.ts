import { weekdayIndex } from '$lib/domain/agenda/calendar.ts';
import { addDays, endOfMonth, startOfMonth } from '$lib/domain/agenda/dates.ts';

/**
 * The day a key moves the month grid's choice to, as date pickers do (WAI-ARIA's date picker
 * pattern): arrows by a day or a week, Home / End to the week's ends, Page Up / Page Down by a
 * month (the same day, or the month's last). Null for any other key.
 */
export function gridMove(key: string, date: string): string | null {
	switch (key) {
		case 'ArrowLeft':
			return addDays(date, -1);
		case 'ArrowRight':
			return addDays(date, 1);
		case 'ArrowUp':
			return addDays(date, -7);
		case 'ArrowDown':
			return addDays(date, 7);
		case 'Home':
			return addDays(date, -weekdayIndex(date));
		case 'End':
			return addDays(date, 6 - weekdayIndex(date));
		case 'PageUp':
			return sameDayOf(startOfMonth(date, -1), date);
		case 'PageDown':
			return sameDayOf(startOfMonth(date, 1), date);
		default:
			return null;
	}
}

function sameDayOf(firstOfMonth: string, date: string): string {
	const last = endOfMonth(firstOfMonth);
	const day = `${firstOfMonth.slice(0, 8)}${date.slice(8, 10)}`;
	return day > last ? last : day;
}
