/**
 * Europe/Paris wall-clock time ↔ UTC instants, with daylight saving, using only Intl (no library):
 * deadlines are "the day before at 18:00 in Paris", whatever the device's or server's time zone.
 */
/**
 * Made at first use, not when the module loads: building a formatter (ICU's time-zone data) is a
 * few milliseconds of a phone's main thread, and most pages that import this never format a time.
 */
function lazyFormat(locale: string, options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
	let format: Intl.DateTimeFormat | undefined;
	return () => (format ??= new Intl.DateTimeFormat(locale, options));
}

const parts = lazyFormat('en-GB', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** The Paris calendar day and time of an instant. */
function parisParts(instant: Date): { date: string; hour: number; minute: number } {
	const p = Object.fromEntries(
		parts()
			.formatToParts(instant)
			.map((x) => [x.type, x.value])
	);
	return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), minute: Number(p.minute) };
}

// Intl formatting costs tens of microseconds a call, and a saisie groupée of a school year checks
// over a thousand days against the same "now": the last answer is kept.
let lastDay = { time: NaN, date: '' };

export function parisDate(instant: Date): string {
	const time = instant.getTime();
	if (time !== lastDay.time) lastDay = { time, date: parisParts(instant).date };
	return lastDay.date;
}

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
	const p = parisParts(instant);
	const asUtc = Date.parse(
		`${p.date}T${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:00Z`
	);
	return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

/** Deadlines already worked out: the same few hundred (day, hour) pairs come back all year. */
const wallTimes = new Map<string, number>();

/** The instant when Paris clocks show `date` at `hour`:00. */
export function parisWallTime(date: string, hour: number): Date {
	const key = `${date} ${hour}`;
	let time = wallTimes.get(key);
	if (time === undefined) {
		const naive = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
		// Two passes settle the offset even on the night the clocks change.
		const first = new Date(naive - offsetMinutes(new Date(naive)) * 60000);
		time = naive - offsetMinutes(first) * 60000;
		if (wallTimes.size >= 4096) wallTimes.clear();
		wallTimes.set(key, time);
	}
	return new Date(time);
}

const display = lazyFormat('fr-FR', {
	dateStyle: 'short',
	timeStyle: 'short',
	timeZone: 'Europe/Paris'
});

/** "02/12/2026 à 10:00", Paris time: how every deadline and action time is written. */
export function formatParisDateTime(instant: Date): string {
	return display().format(instant).replace(' ', ' à ');
}

const displaySeconds = lazyFormat('fr-FR', {
	dateStyle: 'short',
	timeStyle: 'medium',
	timeZone: 'Europe/Paris'
});

/** "02/12/2026 à 10:00:12": two versions of a draft saved the same minute are told apart. */
export function formatParisDateTimeSeconds(instant: Date): string {
	return displaySeconds().format(instant).replace(' ', ' à ');
}
