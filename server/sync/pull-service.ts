import type { AgendaSnapshot } from '../../src/lib/domain/agenda/snapshot.ts';
import {
	loadActivities,
	loadAgendaPersons,
	loadCalendar,
	loadCapacity,
	loadReservations
} from '../agenda/agenda-data.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { readVersion } from './household-version.ts';

/** GET /api/sync/pull: the household's agenda between two days, and the version it is at. */
export async function pullAgenda(
	deps: AppDeps,
	account: CurrentAccount,
	from: string,
	to: string
): Promise<AgendaSnapshot> {
	const db = deps.db;
	const [activities, calendar, persons, version] = await Promise.all([
		loadActivities(db),
		loadCalendar(db),
		loadAgendaPersons(db, account.householdId),
		readVersion(db, account.householdId)
	]);
	const ids = persons.map((p) => p.id);
	const [reservations, capacity, history] = await Promise.all([
		loadReservations(db, ids, from, to),
		loadCapacity(db, activities, from, to),
		ids.length === 0
			? []
			: db
					.selectFrom('reservation_history')
					.select(['person_id', 'service_date', 'activity_code', 'action', 'at', 'author'])
					.where('household_id', '=', account.householdId)
					// By person and day (history_by_person_date): the household alone has no index, and a
					// school year of history is millions of lines to scan. Only these persons are shown.
					.where('person_id', 'in', ids)
					.where('service_date', '>=', from)
					.where('service_date', '<=', to)
					.orderBy('at', 'desc')
					.orderBy('id', 'desc')
					.execute()
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
		history: history.map((h) => ({
			personId: h.person_id,
			date: h.service_date,
			activityCode: h.activity_code,
			action: h.action,
			at: h.at,
			author: h.author
		}))
	};
}
