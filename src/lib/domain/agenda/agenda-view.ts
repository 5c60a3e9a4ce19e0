import type { ActivityDefinition } from './activities.ts';
import { dayKind, type DayKind } from './calendar.ts';
import { parisDate } from './paris-time.ts';
import type { BulkPayload, BulkSummary } from '../sync/protocol.ts';
import {
	bookingKey,
	bulkChanges,
	changesOf,
	newPlanState,
	planChanges,
	summarize,
	type PlanState
} from './planner.ts';
import {
	bookingRefusal,
	cancellationRefusal,
	deadlineFor,
	SESSION_GROUPS,
	type RefusalCode
} from './rules.ts';
import type { AgendaSnapshot } from './snapshot.ts';

export type PendingChange = { kind: string; payload: unknown };

export type ActivityState =
	'reserve' | 'attente-reservation' | 'attente-annulation' | 'reservable' | RefusalCode;

export type DayActivity = {
	activity: ActivityDefinition;
	state: ActivityState;
	/** Why it cannot be booked or cancelled, in French (null when it can). */
	reason: string | null;
	deadline: Date;
	/** Past its deadline (or the same day): nothing can change it any more. */
	deadlinePassed: boolean;
	canBook: boolean;
	canCancel: boolean;
};

/** The manual's colour code (its words: agenda-labels.ts): vert, gris, jaune, rouge, bleu. */
export type DayColour = 'reservable' | 'ferme' | 'aujourdhui' | 'reserve' | 'reserve-aujourdhui';

export type DayView = {
	date: string;
	kind: DayKind;
	colour: DayColour;
	activities: DayActivity[];
	pending: boolean;
};

/**
 * The server's state (the snapshot) with the changes still waiting in the outbox replayed on it, in
 * order, with the same rules the server uses. `state` is what the next change would be decided
 * against; `waitingCreate` / `waitingCancel` are the bookings that differ from the server's.
 */
export function replayOutbox(
	snapshot: AgendaSnapshot,
	pending: PendingChange[],
	now: Date
): { state: PlanState; waitingCreate: Set<string>; waitingCancel: Set<string> } {
	const base = { activities: snapshot.activities, calendar: snapshot.calendar, now };
	const state = newPlanState(base, snapshot.persons, snapshot.reservations, snapshot.capacity);
	const confirmed = new Set(state.booked);
	const waitingCreate = new Set<string>();
	const waitingCancel = new Set<string>();
	for (const change of pending) {
		// Forecast with "now" far in the past: a waiting change shows as waiting even if, by now,
		// the deadline passed; the server will say so, with its reason.
		const { accepted } = planChanges({ ...state, now: new Date(0) }, changesOf(change));
		for (const c of accepted) {
			const key = bookingKey(c.personId, c.date, c.activityCode);
			if (c.action === 'create') {
				waitingCancel.delete(key);
				if (!confirmed.has(key)) waitingCreate.add(key);
			} else {
				waitingCreate.delete(key);
				if (confirmed.has(key)) waitingCancel.add(key);
			}
		}
	}
	return { state, waitingCreate, waitingCancel };
}

/**
 * What a saisie groupée will do, decided after the changes already waiting, as the server will
 * decide it once they are sent before it: shown at once, even offline.
 */
export function bulkForecast(
	snapshot: AgendaSnapshot,
	pending: PendingChange[],
	payload: BulkPayload,
	now: Date
): BulkSummary {
	const { state } = replayOutbox(snapshot, pending, now);
	return summarize(planChanges(state, bulkChanges(payload)));
}

/**
 * The activities a saisie groupée offers for the children ticked: those at least one of them is
 * enrolled in (its fiche's sessions), in the snapshot's order. Another would be "non inscrit" on
 * every day for every child ticked.
 */
export function enrolledActivities<A extends Pick<ActivityDefinition, 'groupCode'>>(
	activities: A[],
	persons: { id: number; sessions: string[] }[],
	personIds: number[]
): A[] {
	const groups = new Set(
		persons
			.filter((p) => personIds.includes(p.id))
			.flatMap((p) => p.sessions.flatMap((s) => SESSION_GROUPS[s] ?? []))
	);
	return activities.filter((a) => groups.has(a.groupCode));
}

/**
 * The agenda as the parent sees it: the snapshot plus the replayed outbox. A waiting change is
 * drawn apart ("en attente"); when the server rejects it, it leaves the outbox and this view
 * rebuilds without it — the rollback is nothing more than that.
 */
export function agendaView(
	snapshot: AgendaSnapshot,
	pending: PendingChange[],
	personId: number,
	days: string[],
	now: Date
): DayView[] {
	const { state, waitingCreate, waitingCancel } = replayOutbox(snapshot, pending, now);
	const person = snapshot.persons.find((p) => p.id === personId);
	const groups = new Set((person?.sessions ?? []).flatMap((s) => SESSION_GROUPS[s] ?? []));
	const shown = snapshot.activities.filter((a) => groups.has(a.groupCode));
	const today = parisDate(now);

	return days.map((date) => {
		const bookedThatDay = snapshot.activities
			.filter((a) => state.booked.has(bookingKey(personId, date, a.code)))
			.map((a) => a.code);
		const activities = shown.map((activity): DayActivity => {
			const key = bookingKey(personId, date, activity.code);
			const context = {
				activity,
				date,
				calendar: snapshot.calendar,
				now,
				sessions: person?.sessions ?? [],
				bookedThatDay,
				bookedCount: state.capacity.get(`${activity.code}|${date}`) ?? 0,
				allActivities: snapshot.activities
			};
			const deadline = deadlineFor(activity, date);
			if (waitingCreate.has(key) || waitingCancel.has(key)) {
				return {
					activity,
					state: waitingCreate.has(key) ? 'attente-reservation' : 'attente-annulation',
					reason: null,
					deadline,
					deadlinePassed: false,
					canBook: false,
					canCancel: false
				};
			}
			if (state.booked.has(key)) {
				const refusal = cancellationRefusal(context);
				return {
					activity,
					state: 'reserve',
					reason: refusal?.reason ?? null,
					deadline,
					deadlinePassed: refusal?.code === 'delai-depasse',
					canBook: false,
					canCancel: !refusal
				};
			}
			const refusal = bookingRefusal(context);
			return {
				activity,
				state: refusal?.code ?? 'reservable',
				reason: refusal?.reason ?? null,
				deadline,
				deadlinePassed: refusal?.code === 'delai-depasse',
				canBook: !refusal,
				canCancel: false
			};
		});
		const booked = activities.some((a) => a.state === 'reserve' || a.state === 'attente-reservation');
		const kind = dayKind(snapshot.calendar, date);
		const colour: DayColour =
			date === today
				? booked
					? 'reserve-aujourdhui'
					: 'aujourdhui'
				: booked
					? 'reserve'
					: activities.some((a) => a.canBook)
						? 'reservable'
						: 'ferme';
		const pendingDay = activities.some((a) => a.state.startsWith('attente'));
		return { date, kind, colour, activities, pending: pendingDay };
	});
}
