import { changesOf, newPlanState, planChanges } from '../../src/lib/domain/agenda/planner.ts';
import {
	idTakenResult,
	planResult,
	readMutation,
	unknownPersonResult
} from '../../src/lib/domain/sync/mutation-result.ts';
import type { Mutation, MutationResult, PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import { mutationWeight, withinBudget } from '../../src/lib/domain/sync/push-budget.ts';
import {
	loadActivities,
	loadAgendaPersons,
	loadCalendar,
	loadCapacity,
	loadReservations
} from '../agenda/agenda-data.ts';
import { writeChanges } from '../agenda/reservation-writer.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { bumpVersion, readVersion } from './household-version.ts';

type Reference = Awaited<ReturnType<typeof loadReference>>;

async function loadReference(db: Db, account: CurrentAccount) {
	const [activities, calendar, author] = await Promise.all([
		loadActivities(db),
		loadCalendar(db),
		db
			.selectFrom('person')
			.select(['nom_naissance', 'nom_usage', 'prenom'])
			.where('id', '=', account.personId)
			.executeTakeFirstOrThrow()
	]);
	return {
		activities,
		calendar,
		author: `${(author.nom_usage ?? author.nom_naissance).toUpperCase()} ${author.prenom}`
	};
}

/**
 * Applies one mutation exactly once. Invariant: its effect and its stored answer commit together,
 * so a replay (the answer was lost on the way back) finds the answer and changes nothing. Every
 * rule is checked again here with the server's clock: the browser's check was only a forecast.
 * While this transaction runs, no other request reads the database: its work is bounded by
 * MAX_MUTATION_WEIGHT (checked with the payload's schema).
 */
async function applyOne(
	deps: AppDeps,
	account: CurrentAccount,
	ref: Reference,
	mutation: Mutation
): Promise<MutationResult> {
	return deps.db.transaction().execute(async (trx) => {
		const done = await trx
			.selectFrom('applied_mutation')
			.select(['household_id', 'result_json'])
			.where('id', '=', mutation.id)
			.executeTakeFirst();
		if (done) {
			if (done.household_id === account.householdId) return JSON.parse(done.result_json) as MutationResult;
			return idTakenResult(mutation.id);
		}
		const persons = await loadAgendaPersons(trx, account.householdId);
		const ids = new Set(persons.map((p) => p.id));
		// Before the period is expanded into days: another household's child, or a person without
		// enrolment, is refused at no cost, and nothing is written.
		const unknown = unknownPersonResult(mutation, ids);
		if (unknown) return unknown;

		const now = deps.clock.now();
		const changes = changesOf(mutation);
		const dates = changes.map((c) => c.date).sort();
		const from = dates[0] ?? '';
		const to = dates[dates.length - 1] ?? '';
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
		const result = planResult(mutation, plan);
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
		await trx
			.insertInto('applied_mutation')
			.values({
				id: mutation.id,
				household_id: account.householdId,
				account_id: account.id,
				kind: mutation.kind,
				result_json: JSON.stringify(result),
				applied_at: now.toISOString()
			})
			.execute();
		return result;
	});
}

/** Lets the requests that arrived meanwhile run (better-sqlite3 and the planner never yield). */
const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * POST /api/sync/push: the outbox, in order; one answer per mutation, for as many as fit in
 * PUSH_BUDGET. The others are left unanswered: the browser sends them again in its next request.
 */
export async function pushMutations(
	deps: AppDeps,
	account: CurrentAccount,
	raw: unknown[]
): Promise<PushResponse> {
	// Weighed by their shape, as the browser weighs them: those beyond the budget are not even read.
	const taken = raw.slice(0, withinBudget(raw.map(mutationWeight)));
	const ref = await loadReference(deps.db, account);
	const results: MutationResult[] = [];
	for (const item of taken) {
		const reading = readMutation(item);
		if ('result' in reading) {
			results.push(reading.result);
			continue;
		}
		if (results.length > 0) await letOthersRun();
		results.push(await applyOne(deps, account, ref, reading.mutation));
	}
	return { results, version: await readVersion(deps.db, account.householdId) };
}
