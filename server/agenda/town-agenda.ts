import type { ActivityDefinition } from '../../src/lib/domain/agenda/activities.ts';
import type { TownCalendar } from '../../src/lib/domain/agenda/calendar.ts';
import type { Db } from '../db/database.ts';
import type { WriteWatch } from '../db/write-watch.ts';
import { loadActivities, loadCalendar } from './agenda-data.ts';

export type TownAgenda = { activities: ActivityDefinition[]; calendar: TownCalendar };

/**
 * The town's activities and calendar, the same in every household's pull: read from the database
 * once, then again only after a write of their tables (`writes`). Every first read of a household
 * read them (three queries, about half a millisecond); they change a few times a year.
 * The generation is read before the database, so a change landing meanwhile is read by the next call.
 * Callers only read what they are given (it is serialized into answers), never change it.
 */
export function townAgenda(db: Db, writes: WriteWatch): () => Promise<TownAgenda> {
	const watched = writes.watch(['activity', 'school_year', 'calendar_closure']);
	let kept: { generation: number; town: Promise<TownAgenda> } | undefined;
	return () => {
		const generation = watched.generation();
		if (kept?.generation === generation) return kept.town;
		const town = Promise.all([loadActivities(db), loadCalendar(db)]).then(([activities, calendar]) => ({
			activities,
			calendar
		}));
		const entry = { generation, town };
		kept = entry;
		// A failure is not kept: the next call reads again.
		town.catch(() => {
			if (kept === entry) kept = undefined;
		});
		return town;
	};
}
