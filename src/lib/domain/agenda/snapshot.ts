import type { ActivityDefinition } from './activities.ts';
import type { TownCalendar } from './calendar.ts';

export type AgendaPerson = { id: number; nom: string; prenom: string; sessions: string[] };
export type Reservation = { personId: number; activityCode: string; date: string };
export type HistoryLine = {
	personId: number;
	date: string;
	activityCode: string;
	action: '+' | '-';
	at: string;
	author: string;
};

/**
 * What GET /api/sync/pull answers and the browser keeps: everything the agenda needs to draw and to
 * check a change offline, for the household, over a window of days.
 */
export type AgendaSnapshot = {
	version: number;
	from: string;
	to: string;
	activities: ActivityDefinition[];
	calendar: TownCalendar;
	persons: AgendaPerson[];
	reservations: Reservation[];
	/** Bookings per day of the activities with a capacity, all households together. */
	capacity: { activityCode: string; date: string; count: number }[];
	history: HistoryLine[];
};
