import type { AppDeps } from '../../server/deps.ts';
import { sessionCookie } from './families.ts';
import { runLoad, type LoadOptions, type LoadResult } from './load.ts';

export const CONNECTIONS = 50;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;
const SIGNED_IN_HOUSEHOLDS = 200;
export const MONTH_PULL = '/api/sync/pull?from=2026-12-01&to=2026-12-31&schemaVersion=1';
/** What a browser sends along: the answer is compressed as it would be for a parent. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'application/json' };

export type Reads = { hello: LoadResult; agenda: LoadResult; households: number; bodyBytes: number };

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
async function probe(url: string, headers: Record<string, string>): Promise<number> {
	const res = await fetch(url, { headers });
	const body = await res.arrayBuffer();
	if (res.status !== 200) throw new Error(`${url} : ${res.status} ${Buffer.from(body).toString()}`);
	return body.byteLength;
}

/**
 * 50 connections for 10 s on a Hono hello-world, then on the agenda month read (GET
 * /api/sync/pull of December) spread over 200 households' sessions; each after a short warm-up.
 */
export async function measureReads(deps: AppDeps, appUrl: string, helloUrl: string): Promise<Reads> {
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
	const hello = await load(helloUrl, helloRequests, SECONDS);
	await load(appUrl, agendaRequests, WARM_UP_SECONDS);
	const agenda = await load(appUrl, agendaRequests, SECONDS);
	// Requests still queued when the load stopped are served before the next measure starts.
	await probe(`${appUrl}/api/health`, {});
	return { hello, agenda, households: cookies.length, bodyBytes };
}
