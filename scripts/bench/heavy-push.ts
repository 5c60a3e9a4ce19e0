import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../server/deps.ts';
import { addDays } from '../../src/lib/domain/agenda/dates.ts';
import type { BulkPayload, PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import {
	bulkWeight,
	DAY_CHANGE_BUDGET,
	MAX_MUTATION_WEIGHT,
	MAX_PUSH_MUTATIONS,
	PUSH_BUDGET
} from '../../src/lib/domain/sync/push-budget.ts';
import { createFamily, postPush, type Family } from './families.ts';
import { runLoad, type LoadOptions, type LoadResult } from './load.ts';
import { CONNECTIONS } from './reads.ts';

const SECONDS = 12;
const ALONE_ROUNDS = 7;

export type HeavyPush = {
	/** The day changes of the heaviest mutation, and what one of them books. */
	weight: number;
	booked: number;
	/** The heaviest mutation alone, over HTTP (median, after a warm-up), and the longest stall. */
	mutationMs: number;
	mutationStallMs: number;
	/** The heaviest push: its mutations, the bytes sent, those applied, its time (median). */
	sent: number;
	bytes: number;
	applied: number;
	pushMs: number;
	/** Another household's agenda reads while heaviest pushes follow one another. */
	reads: LoadResult & { pushes: number; stallMs: number };
};

/**
 * The heaviest saisie groupée one mutation may be: five children, four school-day activities,
 * Mondays, Tuesdays, Thursdays and Fridays from 1 December for as long as MAX_MUTATION_WEIGHT
 * allows: nearly every change is a booking to write (or, the next time, a cancellation).
 */
function heaviest(childIds: number[], action: BulkPayload['action']): BulkPayload {
	const payload: BulkPayload = {
		personIds: childIds,
		action,
		from: '2026-12-01',
		to: '2026-12-01',
		activityCodes: [
			'restauration-midi',
			'garderie-matin-gratuite',
			'garderie-soir-gratuite',
			'garderie-soir-payante'
		],
		periodicity: 'hebdomadaire',
		weekdays: [0, 1, 3, 4]
	};
	while (bulkWeight({ ...payload, to: addDays(payload.to, 1) }) <= MAX_MUTATION_WEIGHT)
		payload.to = addDays(payload.to, 1);
	return payload;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Times `run`, and the longest the event loop of this process (the servers') went without turning
 * meanwhile: a timer due every millisecond notes each late tick. On a shared machine this includes
 * the moments the system gave the process no core at all.
 */
export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; stallMs: number }> {
	let stallMs = 0;
	let last = performance.now();
	const ticks = setInterval(() => {
		const now = performance.now();
		stallMs = Math.max(stallMs, now - last);
		last = now;
	}, 1);
	const started = performance.now();
	try {
		const value = await run();
		return { value, ms: performance.now() - started, stallMs: Math.max(stallMs, performance.now() - last) };
	} finally {
		clearInterval(ticks);
	}
}

/** Households of five children enough for every heaviest push of the measure (one each). */
const FAMILIES = 100;

/**
 * The heaviest work a client may ask in one push, while other households read their agenda:
 * first the heaviest mutation alone, then the heaviest push (MAX_PUSH_MUTATIONS of them: the
 * server applies those within PUSH_BUDGET and leaves the others unanswered), pushed again and
 * again for 12 s while 50 connections read the December agenda of 200 other households.
 * A household's pushes may ask for DAY_CHANGE_BUDGET day changes a day, what one heaviest push
 * applies: each push is another household's (as many households as pushes, the worst a town
 * sees). Creations and cancellations alternate, so that every mutation applied writes all its rows.
 */
export async function measureHeavyPush(
	deps: AppDeps,
	appUrl: string,
	passwordHash: string,
	agendaRequests: LoadOptions['requests']
): Promise<HeavyPush> {
	const sessions = ['restauration-scolaire', 'garderie', 'centre-de-loisirs'];
	const families: Family[] = [];
	for (let i = 0; i < FAMILIES; i++)
		families.push(await createFamily(deps, `NOMBREUSE${i}`, 5, passwordHash, sessions));
	const perPush = PUSH_BUDGET / MAX_MUTATION_WEIGHT;
	if (perPush * MAX_MUTATION_WEIGHT > DAY_CHANGE_BUDGET)
		throw new Error('une poussée la plus lourde dépasse le budget du jour d’un foyer');
	// Worked out once: the bench's own work would take the event loop of the servers it measures.
	const payloads = families.map((f) => [heaviest(f.childIds, 'creer'), heaviest(f.childIds, 'supprimer')]);
	const createdAt = deps.clock.now().toISOString();
	// Mutations applied so far: the family is the one whose day they fit in; `n`, the rank of a
	// mutation in that family's day (creations and cancellations in turn).
	let applied = 0;
	const family = () => Math.floor(applied / perPush);
	const mutation = (n: number) => ({
		id: randomUUID(),
		kind: 'reservation.bulk.v1',
		createdAt,
		payload: payloads[family()]?.[n % 2]
	});
	const push = async (mutations: unknown[]) => {
		const f = families[family()];
		if (!f) throw new Error(`plus de ${FAMILIES} poussées : ajoutez des familles au banc d’essai`);
		const answer = (await postPush(appUrl, f.cookie, mutations)) as PushResponse;
		if (answer.results.some((r) => r.status !== 'applied'))
			throw new Error(`saisie groupée refusée : ${JSON.stringify(answer.results)}`);
		applied += answer.results.length;
		return answer;
	};

	const alone: { ms: number; stallMs: number }[] = [];
	let booked = 0;
	for (let round = 0; round <= ALONE_ROUNDS; round++) {
		const creates = (applied % perPush) % 2 === 0;
		const { value, ms, stallMs } = await timed(() => push([mutation(applied % perPush)]));
		if (creates)
			booked = value.results[0]?.status === 'applied' ? (value.results[0].summary?.booked ?? 0) : 0;
		if (round > 0) alone.push({ ms, stallMs });
	}

	// The heaviest pushes start each with a household of their own.
	applied = Math.ceil(applied / perPush) * perPush;
	const heaviestPush = () => Array.from({ length: MAX_PUSH_MUTATIONS }, (_, i) => mutation(i));
	const bytes = JSON.stringify(heaviestPush()).length;
	const pushTimes: number[] = [];
	let pushes = 0;
	let running = true;
	const pusher = (async () => {
		while (running) {
			const started = performance.now();
			const answer = await push(heaviestPush());
			pushTimes.push(performance.now() - started);
			if (answer.results.length !== perPush)
				throw new Error(`${answer.results.length} réponses sur ${perPush}`);
			pushes++;
		}
	})();
	let failed: unknown;
	const stopped = pusher.catch((error: unknown) => (failed = error));
	try {
		const { value: reads, stallMs } = await timed(() =>
			runLoad({ url: appUrl, connections: CONNECTIONS, seconds: SECONDS, requests: agendaRequests })
		);
		running = false;
		await stopped;
		if (failed) throw failed;
		return {
			weight: bulkWeight(payloads[0]?.[0] as BulkPayload),
			booked,
			mutationMs: median(alone.map((a) => a.ms)),
			mutationStallMs: Math.max(...alone.map((a) => a.stallMs)),
			sent: MAX_PUSH_MUTATIONS,
			bytes,
			applied: perPush,
			pushMs: median(pushTimes),
			reads: { ...reads, pushes, stallMs }
		};
	} finally {
		running = false;
		await stopped;
	}
}
