import type { AppDeps } from '../../server/deps.ts';
import { randomUUID } from 'node:crypto';
import { addDays } from '../../src/lib/domain/agenda/dates.ts';
import type { PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import { createFamily, postPush, sessionCookie } from './families.ts';
import { combine, runLoad, whilePaced, type LoadOptions, type LoadResult } from './load.ts';

export const CONNECTIONS = 50;
/** Three turns of 4 s each for the hello-world and the agenda. */
const ROUNDS = 3;
const SECONDS = 4;
const WARM_UP_SECONDS = 2;
const SIGNED_IN_HOUSEHOLDS = 200;
export const MONTH_PULL = '/api/sync/pull?from=2026-12-01&to=2026-12-31&schemaVersion=1';
/** Windows never asked for before, per household and turn: more than a turn of cold reads serves. */
const COLD_WINDOWS = 60;
/** What a browser sends along: the answer is compressed as it would be for a parent. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'application/json' };

/** A busy evening for a small town: a booking or a cancellation applied every 100 ms. */
export const WRITES_PER_SECOND = 10;

export type Reads = {
	hello: LoadResult;
	agenda: LoadResult;
	/**
	 * Month reads built from the database every time: each asks for a window (31 days) that its
	 * household has not read before; and the process's memory before and after them (MiB).
	 */
	agendaCold: LoadResult & { rssBeforeMiB: number; rssAfterMiB: number };
	/** The same reads while parents book: each write sends every kept answer back to the database. */
	agendaWhileBooking: LoadResult & { writes: number };
	households: number;
	bodyBytes: number;
	/** The month reads, one per signed-in household: the load of the other measures too. */
	agendaRequests: LoadOptions['requests'];
};

/** Sessions of `n` generated households spread over the whole town (every 25th when n = 200). */
async function signedInHouseholds(deps: AppDeps, n: number): Promise<string[]> {
	const accounts = await deps.db
		.selectFrom('account')
		.select('id')
		.where('username', 'like', 'famille.%')
		.orderBy('id')
		.execute();
	const step = Math.max(1, Math.floor(accounts.length / n));
	const picked = accounts.filter((_, i) => i % step === 0).slice(0, n);
	return Promise.all(picked.map((a) => sessionCookie(deps, a.id)));
}

/** Checks one answer (200, JSON) before loading the server with thousands like it. */
export async function probe(url: string, headers: Record<string, string>): Promise<number> {
	const res = await fetch(url, { headers });
	const body = await res.arrayBuffer();
	if (res.status !== 200) throw new Error(`${url} : ${res.status} ${Buffer.from(body).toString()}`);
	return body.byteLength;
}

/**
 * 50 connections on a Hono hello-world, then on the agenda month read (GET /api/sync/pull of
 * December) spread over 200 households' sessions, then on month reads that are all built anew
 * (cold), in three turns of 4 s, after a short warm-up.
 * Then the same reads again while another household books (see whileBooking).
 */
export async function measureReads(
	deps: AppDeps,
	appUrl: string,
	helloUrl: string,
	passwordHash: string
): Promise<Reads> {
	const cookies = await signedInHouseholds(deps, SIGNED_IN_HOUSEHOLDS);
	const agendaRequests = cookies.map((cookie) => ({
		path: MONTH_PULL,
		headers: { ...BROWSER_HEADERS, cookie }
	}));
	const helloRequests = [{ path: '/hello', headers: BROWSER_HEADERS }];
	await probe(`${helloUrl}/hello`, BROWSER_HEADERS);
	const bodyBytes = await probe(`${appUrl}${MONTH_PULL}`, { cookie: cookies[0] ?? '' });

	const load = (url: string, requests: LoadOptions['requests'], seconds: number) =>
		runLoad({ url, connections: CONNECTIONS, seconds, requests });
	await load(helloUrl, helloRequests, WARM_UP_SECONDS);
	await load(appUrl, agendaRequests, WARM_UP_SECONDS);
	// In turns, so that a slower moment of the machine (a neighbour, the disk) weighs on both alike.
	const rounds: { hello: LoadResult; agenda: LoadResult; cold: LoadResult }[] = [];
	const rssBeforeMiB = process.memoryUsage().rss / 2 ** 20;
	for (let round = 0; round < ROUNDS; round++) {
		const hello = await load(helloUrl, helloRequests, SECONDS);
		const agenda = await load(appUrl, agendaRequests, SECONDS);
		// Requests still queued when the load stopped are served before the next measure starts.
		await probe(`${appUrl}/api/health`, {});
		const cold = await load(appUrl, coldRequests(cookies, round), SECONDS);
		await probe(`${appUrl}/api/health`, {});
		rounds.push({ hello, agenda, cold });
	}
	const hello = combine(rounds.map((r) => r.hello));
	const agenda = combine(rounds.map((r) => r.agenda));
	const agendaCold = {
		...combine(rounds.map((r) => r.cold)),
		rssBeforeMiB,
		rssAfterMiB: process.memoryUsage().rss / 2 ** 20
	};
	const agendaWhileBooking = await whileBooking(deps, appUrl, passwordHash, () =>
		load(appUrl, agendaRequests, ROUNDS * SECONDS)
	);
	await probe(`${appUrl}/api/health`, {});
	return {
		hello,
		agenda,
		agendaCold,
		agendaWhileBooking,
		households: cookies.length,
		bodyBytes,
		agendaRequests
	};
}

/** For turn `round`: every household, each window of 31 days from a day no turn has started on. */
function coldRequests(cookies: string[], round: number): LoadOptions['requests'] {
	return Array.from({ length: COLD_WINDOWS }, (_, w) =>
		addDays('2026-12-01', round * COLD_WINDOWS + w)
	).flatMap((from) =>
		cookies.map((cookie) => ({
			path: `/api/sync/pull?from=${from}&to=${addDays(from, 30)}&schemaVersion=1`,
			headers: { ...BROWSER_HEADERS, cookie }
		}))
	);
}

/**
 * Runs `measure` while a parent of another household books and cancels the canteen of Thursday 3 December
 * in turn, WRITES_PER_SECOND times a second, each change pushed over HTTP and applied.
 */
async function whileBooking<T>(
	deps: AppDeps,
	appUrl: string,
	passwordHash: string,
	measure: () => Promise<T>
): Promise<T & { writes: number }> {
	const family = await createFamily(deps, 'SOIREE', 1, passwordHash, ['restauration-scolaire']);
	const payload = { personId: family.childIds[0], activityCode: 'restauration-midi', date: '2026-12-03' };
	const { result, steps } = await whilePaced(
		WRITES_PER_SECOND,
		async (n) => {
			const kind = n % 2 === 1 ? 'reservation.create.v1' : 'reservation.cancel.v1';
			const mutation = { id: randomUUID(), kind, createdAt: deps.clock.now().toISOString(), payload };
			const answer = (await postPush(appUrl, family.cookie, [mutation])) as PushResponse;
			if (answer.results[0]?.status !== 'applied')
				throw new Error(`écriture refusée : ${JSON.stringify(answer)}`);
		},
		measure
	);
	return { ...result, writes: steps };
}
