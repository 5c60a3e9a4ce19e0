import { createSession, sessionCookieName } from '../../server/accounts/sessions.ts';
import type { AppDeps } from '../../server/deps.ts';
import type { CurrentAccount } from '../../server/http/app-env.ts';
import { PULL_CACHE_LIMITS, pullAnswers } from '../../server/read-cache/pull-answers.ts';
import { pullAgenda } from '../../server/sync/pull-service.ts';
import { monthWindow } from '../../src/lib/offline/agenda-window.ts';
import { combine, runLoad, whilePaced, type LoadOptions, type LoadResult } from './load.ts';
import { CONNECTIONS, MONTH_PULL, probe } from './reads.ts';
import { NOW, PUBLIC_URL } from './town.ts';

/** Households read for the first time in each cold turn: 40 per connection. */
export const TOWN_HOUSEHOLDS = 2_000;
/** Two cold turns of distinct households: 4,000 first reads, four fifths of the town. */
const COLD_TURNS = 2;
const SECONDS = 4;
/** Failed sign-ins a second, each from an address and for an identifier of its own. */
export const FAILED_SIGN_INS_PER_SECOND = 10;
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'application/json' };

export type TownReads = {
	hello: LoadResult;
	/** The month read of households that read nothing before (their session not checked either). */
	cold: LoadResult;
	/** The first turn's households reading the same month again. */
	cached: LoadResult;
	/** The same again while failed sign-ins (each a write, of auth_failure) arrive from many addresses. */
	whileFailedSignIns: LoadResult & { failures: number };
};

/**
 * Sessions of `count` generated households after the first `skip`, none of them among the 200
 * read before (every 25th): nothing of theirs is in memory.
 */
async function unreadHouseholds(deps: AppDeps, skip: number, count: number): Promise<string[]> {
	const accounts = await deps.db
		.selectFrom('account')
		.select('id')
		.where('username', 'like', 'famille.%')
		.orderBy('id')
		.execute();
	const picked = accounts.filter((_, i) => i % 25 !== 0).slice(skip, skip + count);
	if (picked.length < count) throw new Error(`${count} foyers demandés, ${picked.length} disponibles`);
	const name = sessionCookieName(deps.config);
	// In one transaction: 4,000 commits of their own would take a minute of fsync.
	return deps.db.transaction().execute(async (trx) => {
		const cookies: string[] = [];
		for (const a of picked) cookies.push(`${name}=${(await createSession(trx, deps.clock, a.id)).token}`);
		return cookies;
	});
}

const monthReads = (cookies: string[]): LoadOptions['requests'] =>
	cookies.map((cookie) => ({ path: MONTH_PULL, headers: { ...BROWSER_HEADERS, cookie } }));

/**
 * The agenda month read as a town's morning makes it (issue 11): 2,000 households that read
 * nothing before, each request the first of its household (its session checked, its answer built
 * from the database), side by side with a hello-world turn, in two turns of distinct households;
 * then the first 2,000 reading the same again (from memory), then the same while failed sign-ins
 * arrive from many addresses.
 */
export async function measureTownReads(deps: AppDeps, appUrl: string, helloUrl: string): Promise<TownReads> {
	const turns = await Promise.all(
		Array.from({ length: COLD_TURNS }, (_, t) => unreadHouseholds(deps, t * TOWN_HOUSEHOLDS, TOWN_HOUSEHOLDS))
	);
	const load = (url: string, requests: LoadOptions['requests'], once = false) =>
		runLoad({ url, connections: CONNECTIONS, seconds: SECONDS, requests, once });
	const helloRequests = [{ path: '/hello', headers: BROWSER_HEADERS }];
	const hellos: LoadResult[] = [];
	const colds: LoadResult[] = [];
	for (const cookies of turns) {
		hellos.push(await load(helloUrl, helloRequests));
		colds.push(await load(appUrl, monthReads(cookies), true));
		await probe(`${appUrl}/api/health`, {});
	}
	const again = monthReads(turns[0] ?? []);
	const cached = await load(appUrl, again);
	await probe(`${appUrl}/api/health`, {});
	const whileFailedSignIns = await whileFailing(appUrl, () => load(appUrl, again));
	await probe(`${appUrl}/api/health`, {});
	return { hello: combine(hellos), cold: combine(colds), cached, whileFailedSignIns };
}

/**
 * Runs `measure` while FAILED_SIGN_INS_PER_SECOND sign-ins with a wrong password arrive, each from
 * an address of its own (X-Forwarded-For, as the town's proxy gives it) for an identifier of its own.
 */
async function whileFailing<T>(appUrl: string, measure: () => Promise<T>): Promise<T & { failures: number }> {
	const { result, steps } = await whilePaced(
		FAILED_SIGN_INS_PER_SECOND,
		async (n) => {
			const res = await fetch(`${appUrl}/api/auth/login`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					Origin: PUBLIC_URL,
					'X-Forwarded-For': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
				},
				body: JSON.stringify({ identifiant: `inconnu.${n}`, motDePasse: 'pas-le-bon-mot-de-passe' })
			});
			await res.arrayBuffer();
			if (res.status !== 401) throw new Error(`connexion manquée : ${res.status} au lieu de 401`);
		},
		measure
	);
	return { ...result, failures: steps };
}

export type TownMemory = {
	households: number;
	window: { from: string; to: string };
	/** As the pull cache counts them (answerBytes), and what their JSON and gzip really take. */
	countedBytes: number;
	textBytes: number;
	gzipBytes: number;
	ms: number;
};

/**
 * What the pull answers of every household of the town take once each has read its usual window
 * (the agenda's: this month, the next two, and the days the grid shows around them), built as the
 * server builds them and kept by a cache of the server's limits without its total (to weigh them all).
 */
export async function measureTownMemory(deps: AppDeps): Promise<TownMemory> {
	const window = monthWindow(NOW.slice(0, 10));
	const pulls = pullAnswers(deps.db, deps.writes, { ...PULL_CACHE_LIMITS, totalBytes: Infinity });
	const accounts = await deps.db
		.selectFrom('account')
		.select(['id', 'household_id'])
		.where('username', 'like', 'famille.%')
		.execute();
	let textBytes = 0;
	let gzipBytes = 0;
	const started = performance.now();
	for (const a of accounts) {
		const account = { id: a.id, householdId: a.household_id } as CurrentAccount;
		const answer = await pulls.answer(a.household_id, window.from, window.to, () =>
			pullAgenda(deps, account, window.from, window.to)
		);
		await answer.prepare('gzip');
		textBytes += answer.textBytes;
		gzipBytes += answer.encodedBytes('gzip');
	}
	const ms = performance.now() - started;
	const stats = pulls.stats();
	return { households: stats.households, window, countedBytes: stats.bytes, textBytes, gzipBytes, ms };
}
