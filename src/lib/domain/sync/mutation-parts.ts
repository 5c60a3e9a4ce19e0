import { bookingKey, type Change } from '../agenda/planner.ts';
import type { BulkSkip, BulkSummary } from './protocol.ts';

/**
 * A saisie groupée applied in parts of a few days, one short transaction each (push-service.ts):
 * while one transaction runs, no other request can use the database.
 */

/**
 * The changes cut into parts of whole days, in date order, each at most `max` changes (a day is
 * never cut: at most 10 children × 10 activities). The rules decide a change from its own day
 * alone (open day, deadline, enrolment, that day's bookings and places), so the parts can be
 * decided one after the other and the decisions are those of the whole list; within a part the
 * changes keep their order. Never empty: a list without changes is one empty part.
 */
export function dayChunks(changes: Change[], max: number): Change[][] {
	const perDay = new Map<string, number>();
	for (const c of changes) perDay.set(c.date, (perDay.get(c.date) ?? 0) + 1);
	const partOf = new Map<string, number>();
	let part = 0;
	let size = 0;
	for (const day of [...perDay.keys()].sort()) {
		const n = perDay.get(day) ?? 0;
		if (size > 0 && size + n > max) {
			part++;
			size = 0;
		}
		partOf.set(day, part);
		size += n;
	}
	const parts: Change[][] = Array.from({ length: part + 1 }, () => []);
	for (const c of changes) parts[partOf.get(c.date) ?? 0]?.push(c);
	return parts;
}

/**
 * Summaries of parts of one list of changes as one; given the list (for the answer), its skipped
 * days in the order of `changes`, as if the whole list had been decided at once.
 */
export function joinSummaries(parts: BulkSummary[], inOrderOf?: Change[]): BulkSummary {
	let skipped = parts.flatMap((p) => p.skipped);
	if (inOrderOf) {
		const order = new Map(inOrderOf.map((c, i) => [bookingKey(c.personId, c.date, c.activityCode), i]));
		skipped = skipped
			.map((s): [number, BulkSkip] => [order.get(bookingKey(s.personId, s.date, s.activityCode)) ?? 0, s])
			.sort((a, b) => a[0] - b[0])
			.map(([, s]) => s);
	}
	return {
		booked: parts.reduce((n, p) => n + p.booked, 0),
		cancelled: parts.reduce((n, p) => n + p.cancelled, 0),
		skipped
	};
}
