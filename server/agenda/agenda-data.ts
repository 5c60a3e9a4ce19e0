import { familyName } from '../../src/lib/domain/profile/person-name.ts';
import { namesOf } from '../profile/person-row.ts';
import type { AgendaPerson } from '../../src/lib/domain/agenda/snapshot.ts';
import type { ActivityDefinition } from '../../src/lib/domain/agenda/activities.ts';
import type { CalendarClosure, TownCalendar } from '../../src/lib/domain/agenda/calendar.ts';
import type { Db } from '../db/database.ts';
import { preparedForList, preparedPerDb } from '../db/prepared-query.ts';

/** The town's activities, in their order, as the domain describes them. */
export async function loadActivities(db: Db): Promise<ActivityDefinition[]> {
	const rows = await db.selectFrom('activity').selectAll().orderBy('position').execute();
	return rows.map((a) => ({
		code: a.code,
		groupCode: a.group_code,
		groupLabel: a.group_label,
		label: a.label,
		startTime: a.start_time,
		endTime: a.end_time,
		priceCents: a.price_cents,
		tariffLabel: a.tariff_label,
		runsOn: a.runs_on as ActivityDefinition['runsOn'],
		capacity: a.capacity,
		deadlineHour: a.deadline_hour
	}));
}

export async function loadCalendar(db: Db): Promise<TownCalendar> {
	const years = await db.selectFrom('school_year').selectAll().orderBy('starts_on').execute();
	const closures = await db.selectFrom('calendar_closure').selectAll().orderBy('starts_on').execute();
	return {
		schoolYears: years.map((y) => ({ id: y.id, startsOn: y.starts_on, endsOn: y.ends_on })),
		closures: closures.map((c) => ({
			kind: c.kind as CalendarClosure['kind'],
			label: c.label,
			startsOn: c.starts_on,
			endsOn: c.ends_on
		}))
	};
}

const householdPersons = preparedPerDb(
	(db, householdId: number) =>
		db
			.selectFrom('person')
			.select(['id', 'nom_naissance', 'nom_usage', 'prenom'])
			.where('household_id', '=', householdId)
			.orderBy('date_naissance'),
	[0]
);
const householdEnrolments = preparedPerDb(
	(db, householdId: number) =>
		db
			.selectFrom('activity_enrolment')
			.innerJoin('person', 'person.id', 'activity_enrolment.person_id')
			.select(['activity_enrolment.person_id', 'activity_enrolment.session'])
			.where('person.household_id', '=', householdId)
			.orderBy('activity_enrolment.session'),
	[0]
);

/**
 * The household's persons who have enrolments (the only ones with an agenda), oldest first. Both
 * queries compiled once (every first read of a household runs them).
 */
export async function loadAgendaPersons(db: Db, householdId: number): Promise<AgendaPerson[]> {
	const [persons, enrolments] = await Promise.all([
		householdPersons(db, householdId),
		householdEnrolments(db, householdId)
	]);
	return persons
		.map((p) => ({
			id: p.id,
			nom: familyName(namesOf(p)),
			prenom: p.prenom,
			sessions: enrolments.filter((e) => e.person_id === p.id).map((e) => e.session)
		}))
		.filter((p) => p.sessions.length > 0);
}

/** Sample values for the compiled queries: nothing a real query could hold. */
const SAMPLE_ID = (i: number) => -1_000_001 - i;
const SAMPLE_DAYS = ['0000-00-01', '0000-00-02'] as const;

const bookings = preparedForList(
	(db, personIds: number[], from: string, to: string) =>
		db
			.selectFrom('reservation')
			.select(['person_id', 'activity_code', 'service_date'])
			.where('person_id', 'in', personIds)
			.where('service_date', '>=', from)
			.where('service_date', '<=', to),
	SAMPLE_ID,
	[...SAMPLE_DAYS]
);

/** Bookings of the given persons between two days. */
export async function loadReservations(db: Db, personIds: number[], from: string, to: string) {
	if (personIds.length === 0) return [];
	const rows = await bookings(db, personIds, from, to);
	return rows.map((r) => ({
		personId: r.person_id,
		activityCode: r.activity_code,
		date: r.service_date
	}));
}

const placesTaken = preparedForList(
	(db, codes: string[], from: string, to: string) =>
		db
			.selectFrom('reservation')
			.select(['activity_code', 'service_date', (eb) => eb.fn.countAll<number>().as('n')])
			.where('activity_code', 'in', codes)
			.where('service_date', '>=', from)
			.where('service_date', '<=', to)
			.groupBy(['activity_code', 'service_date']),
	(i) => `\u0000activité ${i}`,
	[...SAMPLE_DAYS]
);

/** Bookings per day, all households, of the activities with a capacity. */
export async function loadCapacity(db: Db, activities: ActivityDefinition[], from: string, to: string) {
	const limited = activities.filter((a) => a.capacity !== null).map((a) => a.code);
	if (limited.length === 0) return [];
	const rows = await placesTaken(db, limited, from, to);
	return rows.map((r) => ({ activityCode: r.activity_code, date: r.service_date, count: Number(r.n) }));
}
