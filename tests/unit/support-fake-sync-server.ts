import { TOWN_ACTIVITIES } from '../../src/lib/domain/agenda/activities.ts';
import type { TownCalendar } from '../../src/lib/domain/agenda/calendar.ts';
import {
	bookingKey,
	bulkChanges,
	newPlanState,
	planChanges,
	type Change
} from '../../src/lib/domain/agenda/planner.ts';
import type { AgendaSnapshot } from '../../src/lib/domain/agenda/snapshot.ts';
import type { BulkPayload, MutationResult, PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import { ApiError, NetworkError } from '../../src/lib/api/client.ts';
import type { SyncTransport } from '../../src/lib/offline/sync-engine.ts';

export const CALENDAR: TownCalendar = {
	schoolYears: [{ id: '2026-2027', startsOn: '2026-09-01', endsOn: '2027-07-02' }],
	closures: [{ kind: 'vacances', label: 'Vacances de Noël', startsOn: '2026-12-19', endsOn: '2027-01-03' }]
};
export const TIM = { id: 7, nom: 'DUPIN', prenom: 'Tim', sessions: ['restauration-scolaire', 'garderie'] };

type Chaos = 'none' | 'drop-answer' | 'reorder' | 'down' | 'unauthorized' | 'server-error';

/**
 * A server in memory with the real rules, applying each mutation once (as the real one does), and
 * able to misbehave: lose its answer after applying, answer in another order, be unreachable,
 * answer 401 or 500.
 */
export class FakeSyncServer implements SyncTransport {
	now = new Date('2026-11-28T09:00:00Z');
	chaos: Chaos = 'none';
	reservations: { personId: number; activityCode: string; date: string }[] = [];
	applied = new Map<string, MutationResult>();
	pushes = 0;
	version = 0;

	async push(body: { schemaVersion: number; mutations: unknown[] }): Promise<PushResponse> {
		this.pushes++;
		if (this.chaos === 'down') throw new NetworkError(new TypeError('Failed to fetch'));
		if (this.chaos === 'unauthorized')
			throw new ApiError(401, 'unauthenticated', 'Veuillez vous reconnecter.');
		if (this.chaos === 'server-error') throw new ApiError(500, 'internal_error', 'Erreur');
		const results = (body.mutations as { id: string; kind: string; payload: unknown }[]).map((m) =>
			this.#apply(m)
		);
		if (this.chaos === 'drop-answer') throw new NetworkError(new TypeError('connection reset'));
		return { results: this.chaos === 'reorder' ? results.reverse() : results, version: this.version };
	}

	#apply(m: { id: string; kind: string; payload: unknown }): MutationResult {
		const done = this.applied.get(m.id);
		if (done) return done;
		const changes: Change[] =
			m.kind === 'reservation.bulk.v1'
				? bulkChanges(m.payload as BulkPayload)
				: [
						{
							...(m.payload as Omit<Change, 'action'>),
							action: m.kind === 'reservation.create.v1' ? 'create' : 'cancel'
						}
					];
		const state = newPlanState(
			{ activities: TOWN_ACTIVITIES, calendar: CALENDAR, now: this.now },
			[TIM],
			this.reservations,
			[]
		);
		const { accepted, refused } = planChanges(state, changes);
		for (const c of accepted) {
			if (c.action === 'create')
				this.reservations.push({ personId: c.personId, activityCode: c.activityCode, date: c.date });
			else
				this.reservations = this.reservations.filter(
					(r) =>
						bookingKey(r.personId, r.date, r.activityCode) !== bookingKey(c.personId, c.date, c.activityCode)
				);
		}
		if (accepted.length > 0) this.version++;
		const result: MutationResult =
			m.kind === 'reservation.bulk.v1'
				? {
						id: m.id,
						status: 'applied',
						summary: { booked: accepted.length, cancelled: 0, skipped: refused }
					}
				: refused[0]
					? { id: m.id, status: 'rejected', code: refused[0].code, reason: refused[0].reason }
					: { id: m.id, status: 'applied' };
		this.applied.set(m.id, result);
		return result;
	}

	async pull(from: string, to: string): Promise<AgendaSnapshot> {
		if (this.chaos === 'down') throw new NetworkError(new TypeError('Failed to fetch'));
		return {
			version: this.version,
			from,
			to,
			activities: TOWN_ACTIVITIES,
			calendar: CALENDAR,
			persons: [TIM],
			reservations: this.reservations.filter((r) => r.date >= from && r.date <= to),
			capacity: [],
			history: []
		};
	}
}
