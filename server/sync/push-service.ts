import { changesOf, newPlanState, planChanges, summarize } from '../../src/lib/domain/agenda/planner.ts';
import {
	mutationSchema,
	type Mutation,
	type MutationResult,
	type PushResponse
} from '../../src/lib/domain/sync/protocol.ts';
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
			return {
				id: mutation.id,
				status: 'rejected',
				code: 'conflit',
				reason: 'Identifiant de modification déjà utilisé.'
			};
		}
		const persons = await loadAgendaPersons(trx, account.householdId);
		const changes = changesOf(mutation);
		const ids = new Set(persons.map((p) => p.id));
		// The persons the mutation names, not only those of the days it expands to: a saisie groupée over
		// a period with no matching day must not be "applied" for another household's child either.
		const named =
			mutation.kind === 'reservation.bulk.v1' ? mutation.payload.personIds : [mutation.payload.personId];
		if (named.some((id) => !ids.has(id))) {
			// Another household's child, or a person without enrolment: refused, and nothing written.
			return {
				id: mutation.id,
				status: 'rejected',
				code: 'introuvable',
				reason: "Cette personne n'a pas d'agenda dans votre foyer."
			};
		}
		const now = deps.clock.now();
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
		const { accepted, refused } = planChanges(state, changes);

		let result: MutationResult;
		if (mutation.kind === 'reservation.bulk.v1') {
			result = { id: mutation.id, status: 'applied', summary: summarize({ accepted, refused }) };
		} else if (refused[0]) {
			result = { id: mutation.id, status: 'rejected', code: refused[0].code, reason: refused[0].reason };
		} else {
			result = { id: mutation.id, status: 'applied' };
		}
		if (accepted.length > 0) {
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
				accepted
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

/** POST /api/sync/push: the outbox, in order; one answer per mutation. */
export async function pushMutations(
	deps: AppDeps,
	account: CurrentAccount,
	raw: unknown[]
): Promise<PushResponse> {
	const ref = await loadReference(deps.db, account);
	const results: MutationResult[] = [];
	for (const item of raw) {
		const parsed = mutationSchema.safeParse(item);
		if (!parsed.success) {
			const id = String((item as { id?: unknown } | null)?.id ?? '');
			results.push({
				id,
				status: 'rejected',
				code: 'illisible',
				reason: 'Modification illisible : elle a été ignorée.'
			});
			continue;
		}
		results.push(await applyOne(deps, account, ref, parsed.data));
	}
	return { results, version: await readVersion(deps.db, account.householdId) };
}
