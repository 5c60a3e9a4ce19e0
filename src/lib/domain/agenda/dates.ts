/** Service days are ISO `YYYY-MM-DD` strings; these helpers do calendar maths on them in UTC,
 * where no daylight-saving change can move a day. */

export function toIsoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

export function fromIsoDate(iso: string): Date {
	return new Date(`${iso}T00:00:00Z`);
}

export function addDays(iso: string, days: number): string {
	const d = fromIsoDate(iso);
	d.setUTCDate(d.getUTCDate() + days);
	return toIsoDate(d);
}

/** The first day of the month of `iso`, `months` months later (negative: earlier). */
export function startOfMonth(iso: string, months = 0): string {
	const [y, m] = iso.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

/** The last day of the month of `iso`, `months` months later. */
export function endOfMonth(iso: string, months = 0): string {
	const [y, m] = iso.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(y, m + months, 0)).toISOString().slice(0, 10);
}
