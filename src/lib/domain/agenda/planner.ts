import type { BulkPayload, BulkSummary } from '../sync/protocol.ts';
import type { ActivityDefinition } from './activities.ts';
import type { TownCalendar } from './calendar.ts';
import { expandPeriod } from './periodicity.ts';
import { bookingRefusal, cancellationRefusal, type Refusal } from './rules.ts';

export type Change = { personId: number; activityCode: string; date: string; action: 'create' | 'cancel' };
export type RefusedChange = Change & Refusal;

/**
 * What the rules need to decide, for the persons and days concerned: enrolments, existing bookings
 * and capacity counts. The server loads it from the database; the browser builds it from its
 * offline copy, so both decide the same way.
 */
export type PlanState = {
	activities: ActivityDefinition[];
	calendar: TownCalendar;
	now: Date;
	sessions: Map<number, string[]>;
	booked: Set<string>;
	capacity: Map<string, number>;
};

export const bookingKey = (personId: number, date: string, activityCode: string) =>
	`${personId}|${date}|${activityCode}`;
const capacityKey = (activityCode: string, date: string) => `${activityCode}|${date}`;

export function newPlanState(
	base: Omit<PlanState, 'booked' | 'capacity' | 'sessions'>,
	persons: { id: number; sessions: string[] }[],
	reservations: { personId: number; activityCode: string; date: string }[],
	capacity: { activityCode: string; date: string; count: number }[]
): PlanState {
	return {
		...base,
		sessions: new Map(persons.map((p) => [p.id, p.sessions])),
		booked: new Set(reservations.map((r) => bookingKey(r.personId, r.date, r.activityCode))),
		capacity: new Map(capacity.map((c) => [capacityKey(c.activityCode, c.date), c.count]))
	};
}

/**
 * Decides each change in order against the rules, as if the earlier accepted ones were already
 * done (two morning garderies chosen together: the second one conflicts; two children on the last
 * place: the second one finds it taken). `state` is updated.
 * A saisie groupée is thousands of changes, decided while the server answers no one else: what a
 * child has booked each day is looked up once per day, not once per change and activity.
 */
export function planChanges(
	state: PlanState,
	changes: Change[]
): { accepted: Change[]; refused: RefusedChange[] } {
	const accepted: Change[] = [];
	const refused: RefusedChange[] = [];
	const byCode = new Map(state.activities.map((a) => [a.code, a]));
	const days = new Map<string, string[]>();
	const bookedThatDay = (personId: number, date: string) => {
		const key = `${personId}|${date}`;
		let codes = days.get(key);
		if (!codes) {
			codes = state.activities
				.filter((a) => state.booked.has(bookingKey(personId, date, a.code)))
				.map((a) => a.code);
			days.set(key, codes);
		}
		return codes;
	};
	for (const change of changes) {
		const activity = byCode.get(change.activityCode);
		const sessions = state.sessions.get(change.personId);
		if (!activity || !sessions) {
			refused.push({ ...change, code: 'ferme', reason: 'Activité ou personne inconnue.' });
			continue;
		}
		const booked = bookedThatDay(change.personId, change.date);
		const placeKey = capacityKey(activity.code, change.date);
		const count = state.capacity.get(placeKey) ?? 0;
		const context = {
			activity,
			date: change.date,
			calendar: state.calendar,
			now: state.now,
			sessions,
			bookedThatDay: booked,
			bookedCount: count,
			allActivities: state.activities
		};
		const refusal = change.action === 'create' ? bookingRefusal(context) : cancellationRefusal(context);
		if (refusal) {
			refused.push({ ...change, ...refusal });
			continue;
		}
		accepted.push(change);
		const key = bookingKey(change.personId, change.date, activity.code);
		if (change.action === 'create') {
			state.booked.add(key);
			booked.push(activity.code);
			state.capacity.set(placeKey, count + 1);
		} else {
			state.booked.delete(key);
			booked.splice(booked.indexOf(activity.code), 1);
			state.capacity.set(placeKey, Math.max(0, count - 1));
		}
	}
	return { accepted, refused };
}

/**
 * A saisie groupée as single changes: each usager × each day of the period × each activity. Days
 * an activity does not run are refused by the rules like any other ("fermé"), so the summary
 * tells every skipped day with its reason.
 */
export function bulkChanges(payload: BulkPayload): Change[] {
	const days = expandPeriod(payload.from, payload.to, payload.weekdays, payload.periodicity);
	const action = payload.action === 'creer' ? 'create' : 'cancel';
	return payload.personIds.flatMap((personId) =>
		days.flatMap((date) =>
			payload.activityCodes.map((activityCode) => ({ personId, activityCode, date, action }) as Change)
		)
	);
}

/** What a saisie groupée did (or will do): counts, and each skipped day with its reason. */
export function summarize(plan: { accepted: Change[]; refused: RefusedChange[] }): BulkSummary {
	return {
		booked: plan.accepted.filter((c) => c.action === 'create').length,
		cancelled: plan.accepted.filter((c) => c.action === 'cancel').length,
		skipped: plan.refused.map(({ personId, date, activityCode, code, reason }) => ({
			personId,
			date,
			activityCode,
			code,
			reason
		}))
	};
}

/**
 * The day changes a mutation stands for, on the server (checked against its schema) and in the
 * browser (replaying the outbox); none for a kind this version does not know.
 */
export function changesOf(mutation: { kind: string; payload: unknown }): Change[] {
	if (mutation.kind === 'reservation.bulk.v1') return bulkChanges(mutation.payload as BulkPayload);
	const payload = mutation.payload as Omit<Change, 'action'>;
	if (mutation.kind === 'reservation.create.v1') return [{ ...payload, action: 'create' }];
	if (mutation.kind === 'reservation.cancel.v1') return [{ ...payload, action: 'cancel' }];
	return [];
}
