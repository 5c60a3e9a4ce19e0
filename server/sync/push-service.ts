import { displayName } from '../../src/lib/domain/profile/person-name.ts';
import { namesOf } from '../profile/person-row.ts';
import { changesOf, type Change } from '../../src/lib/domain/agenda/planner.ts';
import { dayChunks } from '../../src/lib/domain/sync/mutation-parts.ts';
import { readMutation } from '../../src/lib/domain/sync/mutation-result.ts';
import type { Mutation, MutationResult, PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import {
	MAX_TRANSACTION_WEIGHT,
	mutationWeight,
	withinBudget
} from '../../src/lib/domain/sync/push-budget.ts';
import { loadActivities, loadCalendar } from '../agenda/agenda-data.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { applyPart, type Reference } from './apply-part.ts';
import { readVersion } from './household-version.ts';

async function loadReference(db: Db, account: CurrentAccount): Promise<Reference> {
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
		author: displayName(namesOf(author))
	};
}

/** Lets the requests that arrived meanwhile run (better-sqlite3 and the planner never yield). */
const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Applies one mutation exactly once, part after part (a saisie groupée heavier than
 * MAX_TRANSACTION_WEIGHT is cut into parts of whole days), letting other requests run between
 * two parts. Its days are expanded only once its persons are known to be the household's.
 */
async function applyMutation(
	deps: AppDeps,
	account: CurrentAccount,
	ref: Reference,
	mutation: Mutation
): Promise<MutationResult> {
	let work: { changes: Change[]; parts: Change[][] } | undefined;
	const expand = () => {
		if (!work) {
			const changes = changesOf(mutation);
			work = { changes, parts: dayChunks(changes, MAX_TRANSACTION_WEIGHT) };
		}
		return work;
	};
	for (;;) {
		const result = await applyPart(deps, account, ref, mutation, expand);
		if (result) return result;
		await letOthersRun();
	}
}

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
		// Between any two, even unreadable ones: reading a hostile shape costs up to 0.2 ms (its
		// errors are built), and 500 of them read at once held the server 60-120 ms.
		if (results.length > 0) await letOthersRun();
		const reading = readMutation(item);
		if ('result' in reading) {
			results.push(reading.result);
			continue;
		}
		results.push(await applyMutation(deps, account, ref, reading.mutation));
	}
	return { results, version: await readVersion(deps.db, account.householdId) };
}
