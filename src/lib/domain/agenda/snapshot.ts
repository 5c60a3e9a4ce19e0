import { z } from 'zod';
import type { ActivityDefinition } from './activities.ts';
import type { CalendarClosure, TownCalendar } from './calendar.ts';

/**
 * What GET /api/sync/pull answers and the browser keeps: everything the agenda needs to draw and to
 * check a change offline, for the household, over a window of days. The browser parses the answer
 * with this schema before keeping it (a proxy's page, a truncated body or an older server's answer
 * is refused, never drawn); the server builds it from the same types.
 */
const day = z.iso.date();

const activitySchema = z.object({
	code: z.string(),
	groupCode: z.string(),
	groupLabel: z.string(),
	label: z.string(),
	startTime: z.string(),
	endTime: z.string(),
	priceCents: z.int(),
	tariffLabel: z.string(),
	runsOn: z.enum(['school_days', 'leisure_days']),
	capacity: z.int().nullable(),
	deadlineHour: z.int()
}) satisfies z.ZodType<ActivityDefinition>;

const calendarSchema = z.object({
	schoolYears: z.array(z.object({ id: z.string(), startsOn: day, endsOn: day })),
	closures: z.array(
		z.object({
			kind: z.enum(['vacances', 'ferie', 'fermeture']),
			label: z.string(),
			startsOn: day,
			endsOn: day
		}) satisfies z.ZodType<CalendarClosure>
	)
}) satisfies z.ZodType<TownCalendar>;

const personSchema = z.object({
	id: z.int(),
	nom: z.string(),
	prenom: z.string(),
	sessions: z.array(z.string())
});
const reservationSchema = z.object({ personId: z.int(), activityCode: z.string(), date: day });
const historyLineSchema = z.object({
	personId: z.int(),
	date: day,
	activityCode: z.string(),
	action: z.enum(['+', '-']),
	at: z.iso.datetime(),
	author: z.string()
});

export const agendaSnapshotSchema = z.object({
	version: z.int(),
	from: day,
	to: day,
	activities: z.array(activitySchema),
	calendar: calendarSchema,
	persons: z.array(personSchema),
	reservations: z.array(reservationSchema),
	/** Bookings per day of the activities with a capacity, all households together. */
	capacity: z.array(z.object({ activityCode: z.string(), date: day, count: z.int() })),
	/** The window's history, newest first: at most HISTORY_LIMIT lines (src/lib/domain/sync/pull-bounds.ts). */
	history: z.array(historyLineSchema),
	/**
	 * True when the window has more history lines than `history` holds: those missing are older
	 * than its last (oldest) line, so a period may lack its earlier actions. The agenda says so.
	 * Absent from snapshots kept by an earlier version: read as false.
	 */
	historyTruncated: z.boolean().optional()
});

export type AgendaPerson = z.infer<typeof personSchema>;
export type Reservation = z.infer<typeof reservationSchema>;
export type HistoryLine = z.infer<typeof historyLineSchema>;
export type AgendaSnapshot = z.infer<typeof agendaSnapshotSchema>;
