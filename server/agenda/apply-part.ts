import type { ActivityDefinition } from '../../src/lib/domain/agenda/activities.ts';
import type { TownCalendar } from '../../src/lib/domain/agenda/calendar.ts';
import { parisDate } from '../../src/lib/domain/agenda/paris-time.ts';
import { newPlanState, planChanges, summarize, type Change } from '../../src/lib/domain/agenda/planner.ts';
import { idTakenResult, planResult, unknownPersonResult } from '../../src/lib/domain/sync/mutation-result.ts';
import { joinSummaries } from '../../src/lib/domain/sync/mutation-parts.ts';
import type {
	AgendaMutation as Mutation,
	BulkSummary,
	MutationResult
} from '../../src/lib/domain/sync/protocol.ts';
import { mutationWeight } from '../../src/lib/domain/sync/push-budget.ts';
import { loadAgendaPersons, loadCapacity, loadReservations } from './agenda-data.ts';
import { writeChanges } from './reservation-writer.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { reserveDayChanges } from '../sync/day-budget.ts';
import { bumpVersion } from '../sync/household-version.ts';

export type Reference = { activities: ActivityDefinition[]; calendar: TownCalendar; author: string };

/** What applied_mutation holds for a saisie groupée applied in part: the next part to apply. */
type Progress = { id: string; status: 'partial'; next: number; payload: string; summary: BulkSummary };
type Stored = MutationResult | Progress;

async function store(trx: Db, account: CurrentAccount, mutation: Mutation, now: string, stored: Stored) {
	await trx
		.insertInto('applied_mutation')
		.values({
			id: mutation.id,
			household_id: account.householdId,
			account_id: account.id,
			kind: mutation.kind,
			result_json: JSON.stringify(stored),
			applied_at: now
		})
		.onConflict((oc) => oc.column('id').doUpdateSet({ result_json: JSON.stringify(stored), applied_at: now }))
		.execute();
}

/**
 * Applies the next part of a mutation (`parts`: its changes cut by days, the same for every request
 * that applies it), in one transaction; returns its answer once the last part is applied.
 * Invariant: each part's effect and the record of what is done commit together, so a replay (an
 * answer lost on the way back, a second request with the same mutation, a restart in the middle)
 * goes on from where it is and applies nothing twice; once complete, it finds the answer and
 * changes nothing. Its weight is taken from the household's budget of the day with its first
 * part, so it is counted once too. Every rule is checked again here with the server's clock: the
 * browser's check was only a forecast.
 */
export async function applyPart(
	deps: Pick<AppDeps, 'db' | 'clock'>,
	account: CurrentAccount,
	ref: Reference,
	mutation: Mutation,
	work: () => { changes: Change[]; parts: Change[][] }
): Promise<MutationResult | null> {
	return deps.db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('applied_mutation')
			.select(['household_id', 'kind', 'result_json'])
			.where('id', '=', mutation.id)
			.executeTakeFirst();
		// Another household's id, or this one's for another kind (a demande's): never its answer.
		if (row && (row.household_id !== account.householdId || row.kind !== mutation.kind))
			return idTakenResult(mutation.id);
		const stored = row ? (JSON.parse(row.result_json) as Stored) : undefined;
		const payload = JSON.stringify(mutation.payload);
		if (stored?.status === 'partial' && stored.payload !== payload) return idTakenResult(mutation.id);
		if (stored && stored.status !== 'partial') return stored;

		const persons = await loadAgendaPersons(trx, account.householdId);
		const ids = new Set(persons.map((p) => p.id));
		// Before the period is expanded into days: another household's child, or a person without
		// enrolment, is refused at no cost, and nothing is written.
		const unknown = stored ? null : unknownPersonResult(mutation, ids);
		if (unknown) return unknown;
		const now = deps.clock.now();
		// Its weight taken from the household's budget of the day once, with its first part (a
		// replay or a later part finds it stored); over the budget, refused before any work.
		if (!stored) {
			const weight = mutationWeight(mutation);
			const refused = await reserveDayChanges(trx, account.householdId, parisDate(now), weight, mutation.id);
			if (refused) return refused;
		}

		const { changes: all, parts } = work();
		const next = stored?.next ?? 0;
		const changes = parts[next] ?? [];
		const dates = changes.map((c) => c.date).sort();
		const [from = '', to = ''] = [dates[0], dates[dates.length - 1]];
		const [reservations, capacity] = await Promise.all([
			loadReservations(trx, [...ids], from, to),
			loadCapacity(trx, ref.activities, from, to)
		]);
		const state = newPlanState(
			{ activities: ref.activities, calendar: ref.calendar, now },
			persons,
			reservations,
			capacity
		);
		const plan = planChanges(state, changes);
		if (plan.accepted.length > 0) {
			await writeChanges(
				trx,
				{
					householdId: account.householdId,
					accountId: account.id,
					author: ref.author,
					now: now.toISOString(),
					activities: new Map(ref.activities.map((a) => [a.code, a])),
					persons: new Map(persons.map((p) => [p.id, p]))
				},
				plan.accepted
			);
			await bumpVersion(trx, account.householdId);
		}
		const last = next + 1 >= parts.length;
		const decided = stored ? [stored.summary, summarize(plan)] : [summarize(plan)];
		const summary = joinSummaries(decided, last ? all : undefined);
		const result: Stored = last
			? planResult(mutation, plan, summary)
			: { id: mutation.id, status: 'partial', next: next + 1, payload, summary };
		await store(trx, account, mutation, now.toISOString(), result);
		return result.status === 'partial' ? null : result;
	});
}
