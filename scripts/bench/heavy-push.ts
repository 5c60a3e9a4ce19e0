import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../server/deps.ts';
import { addDays } from '../../src/lib/domain/agenda/dates.ts';
import type { BulkPayload, PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import {
	bulkWeight,
	MAX_MUTATION_WEIGHT,
	MAX_PUSH_MUTATIONS,
	PUSH_BUDGET
} from '../../src/lib/domain/sync/push-budget.ts';
import { createFamily, postPush } from './families.ts';
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
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; stallMs: number }> {
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

/**
 * The heaviest work a client may ask in one push, while other households read their agenda:
 * first the heaviest mutation alone, then the heaviest push (MAX_PUSH_MUTATIONS of them: the
 * server applies those within PUSH_BUDGET and leaves the others unanswered), pushed again and
 * again for 12 s while 50 connections read the December agenda of 200 other households.
 * Creations and cancellations alternate, so that every mutation applied writes all its rows.
 */
export async function measureHeavyPush(
	deps: AppDeps,
	appUrl: string,
	passwordHash: string,
	agendaRequests: LoadOptions['requests']
): Promise<HeavyPush> {
	const sessions = ['restauration-scolaire', 'garderie', 'centre-de-loisirs'];
	const family = await createFamily(deps, 'NOMBREUSE', 5, passwordHash, sessions);
	// Creations and cancellations in turn, counted over the mutations applied: each one writes all its rows.
	let applied = 0;
	// Worked out once: the bench's own work would take the event loop of the servers it measures.
	const payloads = [heaviest(family.childIds, 'creer'), heaviest(family.childIds, 'supprimer')];
	const createdAt = deps.clock.now().toISOString();
	const mutation = (n: number) => ({
		id: randomUUID(),
		kind: 'reservation.bulk.v1',
		createdAt,
		payload: payloads[n % 2]
	});
	const push = async (mutations: unknown[]) => {
		const answer = (await postPush(appUrl, family.cookie, mutations)) as PushResponse;
		if (answer.results.some((r) => r.status !== 'applied'))
			throw new Error(`saisie groupée refusée : ${JSON.stringify(answer.results)}`);
		applied += answer.results.length;
		return answer;
	};

	const alone: { ms: number; stallMs: number }[] = [];
	let booked = 0;
	for (let round = 0; round <= ALONE_ROUNDS; round++) {
		const creates = applied % 2 === 0;
		const { value, ms, stallMs } = await timed(() => push([mutation(applied)]));
		if (creates)
			booked = value.results[0]?.status === 'applied' ? (value.results[0].summary?.booked ?? 0) : 0;
		if (round > 0) alone.push({ ms, stallMs });
	}

	const heaviestPush = () => Array.from({ length: MAX_PUSH_MUTATIONS }, (_, i) => mutation(applied + i));
	const perPush = PUSH_BUDGET / MAX_MUTATION_WEIGHT;
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
			weight: bulkWeight(payloads[0] as BulkPayload),
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
