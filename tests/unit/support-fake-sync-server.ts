import { TOWN_ACTIVITIES } from '../../src/lib/domain/agenda/activities.ts';
import type { TownCalendar } from '../../src/lib/domain/agenda/calendar.ts';
import { bookingKey, changesOf, newPlanState, planChanges } from '../../src/lib/domain/agenda/planner.ts';
import type { AgendaSnapshot } from '../../src/lib/domain/agenda/snapshot.ts';
import { isAgendaKind } from '../../src/lib/domain/agenda/mutations.ts';
import {
	planResult,
	readMutation,
	unhandledKindResult,
	unknownPersonResult
} from '../../src/lib/domain/sync/mutation-result.ts';
import type {
	AgendaMutation,
	Mutation,
	MutationResult,
	PushResponse
} from '../../src/lib/domain/sync/protocol.ts';
import type { UploadPayload } from '../../src/lib/domain/sync/uploads.ts';
import { mutationWeight, PUSH_BUDGET, withinBudget } from '../../src/lib/domain/sync/push-budget.ts';
import { ApiError, NetworkError } from '../../src/lib/api/client.ts';
import type { SyncTransport } from '../../src/lib/offline/sync-engine.ts';

export const CALENDAR: TownCalendar = {
	schoolYears: [{ id: '2026-2027', startsOn: '2026-09-01', endsOn: '2027-07-02' }],
	closures: [{ kind: 'vacances', label: 'Vacances de Noël', startsOn: '2026-12-19', endsOn: '2027-01-03' }]
};
export const TIM = { id: 7, nom: 'DUPIN', prenom: 'Tim', sessions: ['restauration-scolaire', 'garderie'] };
export const ZOE = { id: 8, nom: 'DUPIN', prenom: 'Zoé', sessions: ['restauration-scolaire', 'garderie'] };

type Chaos =
	| 'none'
	| 'drop-answer'
	| 'reorder'
	| 'down'
	| 'unauthorized'
	| 'server-error'
	/** Answers with this HTTP status and the API's error body (413, 400, 404…). */
	| { status: number; code: string; message: string; fields?: Record<string, string> }
	/** Answers 200 with a body that is not the protocol's (a proxy's page, a truncated answer). */
	| { garbage: unknown; on: 'push' | 'pull' };

/**
 * A server in memory that decides with the real rules and answers with the real push's words
 * (src/lib/domain/sync/mutation-result.ts), applying each mutation once and at most PUSH_BUDGET of
 * them per push as the real one does; and able to misbehave: lose its answer after applying,
 * answer in another order, be unreachable, refuse with any status, or answer garbage.
 */
export class FakeSyncServer implements SyncTransport {
	now = new Date('2026-11-28T09:00:00Z');
	chaos: Chaos = 'none';
	persons = [TIM, ZOE];
	reservations: { personId: number; activityCode: string; date: string }[] = [];
	applied = new Map<string, MutationResult>();
	/** What each push carried: its mutations' ids and their total weight. */
	pushes: { ids: string[]; weight: number }[] = [];
	budget = PUSH_BUDGET;
	version = 0;
	/** Every request in the order it came: `push:<ids>` or `upload:<documentId>`. */
	log: string[] = [];
	/** Files received, by document id. */
	files = new Map<string, { payload: UploadPayload; size: number }>();
	/** How the upload route misbehaves (alone: the push keeps `chaos`). */
	uploadChaos: Chaos = 'none';
	/** How a demande mutation is answered (the requests handler is another module's). */
	answerDemande: (m: Mutation) => MutationResult = (m) => unhandledKindResult(m.id);

	async upload(payload: UploadPayload, blob: Blob): Promise<{ document: { id: string } }> {
		this.log.push(`upload:${payload.documentId}`);
		const chaos = this.uploadChaos;
		if (chaos === 'down') throw new NetworkError(new TypeError('Failed to fetch'));
		if (chaos === 'unauthorized') throw new ApiError(401, 'unauthenticated', 'Veuillez vous reconnecter.');
		if (chaos === 'server-error') throw new ApiError(500, 'internal_error', 'Erreur');
		if (typeof chaos === 'object' && 'status' in chaos)
			throw new ApiError(chaos.status, chaos.code, chaos.message, chaos.fields);
		this.files.set(payload.documentId, { payload, size: blob.size });
		return { document: { id: payload.documentId } };
	}

	async push(body: { schemaVersion: number; mutations: unknown[] }): Promise<PushResponse> {
		const mutations = body.mutations as { id: string; kind: string; payload: unknown }[];
		const weights = mutations.map(mutationWeight);
		this.pushes.push({ ids: mutations.map((m) => m.id), weight: weights.reduce((a, b) => a + b, 0) });
		this.log.push(`push:${mutations.map((m) => m.id).join(',')}`);
		this.#misbehave('push');
		const results = mutations.slice(0, withinBudget(weights, this.budget)).map((m) => this.#apply(m));
		if (this.chaos === 'drop-answer') throw new NetworkError(new TypeError('connection reset'));
		if (typeof this.chaos === 'object' && 'garbage' in this.chaos && this.chaos.on === 'push')
			return this.chaos.garbage as PushResponse;
		return { results: this.chaos === 'reorder' ? results.reverse() : results, version: this.version };
	}

	#misbehave(on: 'push' | 'pull') {
		const chaos = this.chaos;
		if (chaos === 'down') throw new NetworkError(new TypeError('Failed to fetch'));
		if (on === 'pull') return;
		if (chaos === 'unauthorized') throw new ApiError(401, 'unauthenticated', 'Veuillez vous reconnecter.');
		if (chaos === 'server-error') throw new ApiError(500, 'internal_error', 'Erreur');
		if (typeof chaos === 'object' && 'status' in chaos)
			throw new ApiError(chaos.status, chaos.code, chaos.message);
	}

	#apply(m: { id: string; kind: string; payload: unknown }): MutationResult {
		const done = this.applied.get(m.id);
		if (done) return done;
		const reading = readMutation(m);
		if ('result' in reading) return reading.result;
		if (!isAgendaKind(reading.mutation.kind)) {
			const answer = this.answerDemande(reading.mutation);
			this.applied.set(m.id, answer);
			return answer;
		}
		const mutation = reading.mutation as AgendaMutation;
		const unknown = unknownPersonResult(mutation, new Set(this.persons.map((p) => p.id)));
		if (unknown) return unknown;
		const state = newPlanState(
			{ activities: TOWN_ACTIVITIES, calendar: CALENDAR, now: this.now },
			this.persons,
			this.reservations,
			[]
		);
		const plan = planChanges(state, changesOf(mutation));
		for (const c of plan.accepted) {
			if (c.action === 'create')
				this.reservations.push({ personId: c.personId, activityCode: c.activityCode, date: c.date });
			else
				this.reservations = this.reservations.filter(
					(r) =>
						bookingKey(r.personId, r.date, r.activityCode) !== bookingKey(c.personId, c.date, c.activityCode)
				);
		}
		if (plan.accepted.length > 0) this.version++;
		const result = planResult(mutation, plan);
		this.applied.set(m.id, result);
		return result;
	}

	/** Called as a pull starts (a test does something then, as a parent would). */
	onPull: (() => Promise<void>) | null = null;

	async pull(from: string, to: string): Promise<AgendaSnapshot> {
		await this.onPull?.();
		this.#misbehave('pull');
		const chaos = this.chaos;
		if (typeof chaos === 'object' && 'garbage' in chaos && chaos.on === 'pull')
			return chaos.garbage as AgendaSnapshot;
		return {
			version: this.version,
			from,
			to,
			activities: TOWN_ACTIVITIES,
			calendar: CALENDAR,
			persons: this.persons,
			reservations: this.reservations.filter((r) => r.date >= from && r.date <= to),
			capacity: [],
			history: []
		};
	}
}
