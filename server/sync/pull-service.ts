import type { AgendaSnapshot } from '../../src/lib/domain/agenda/snapshot.ts';
import {
	loadActivities,
	loadAgendaPersons,
	loadCalendar,
	loadCapacity,
	loadReservations
} from '../agenda/agenda-data.ts';
import type { TownAgenda } from '../agenda/town-agenda.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { readVersion } from './household-version.ts';
import { windowHistory } from './pull-history.ts';

/**
 * GET /api/sync/pull: the household's agenda between two days, and the version it is at. Every
 * part is bounded (src/lib/domain/sync/pull-bounds.ts): bookings and places by the window's days,
 * the household's children and the town's activities; the history by its limit. `town` gives the
 * town's activities and calendar from memory (townAgenda), read here without it.
 */
export async function pullAgenda(
	deps: AppDeps,
	account: CurrentAccount,
	from: string,
	to: string,
	town?: () => Promise<TownAgenda>
): Promise<AgendaSnapshot> {
	const db = deps.db;
	const [{ activities, calendar }, persons, version] = await Promise.all([
		town
			? town()
			: Promise.all([loadActivities(db), loadCalendar(db)]).then(([a, c]) => ({
					activities: a,
					calendar: c
				})),
		loadAgendaPersons(db, account.householdId),
		readVersion(db, account.householdId)
	]);
	const ids = persons.map((p) => p.id);
	const [reservations, capacity, history] = await Promise.all([
		loadReservations(db, ids, from, to),
		loadCapacity(db, activities, from, to),
		windowHistory(db, { householdId: account.householdId, personIds: ids, from, to })
	]);
	return {
		version,
		from,
		to,
		activities,
		calendar,
		persons,
		reservations,
		capacity,
		...history
	};
}
