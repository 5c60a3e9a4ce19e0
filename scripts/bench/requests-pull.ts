import type { AppDeps } from '../../server/deps.ts';
import { SYNC_SCHEMA_VERSION } from '../../src/lib/domain/sync/protocol.ts';
import { sessionCookie } from './families.ts';
import { combine, runLoad, type LoadOptions, type LoadResult } from './load.ts';
import { CONNECTIONS } from './reads.ts';
import { wireBytes } from './requests-http.ts';

const ROUNDS = 3;
const SECONDS = 4;
const WARM_UP_SECONDS = 2;
const SIGNED_IN_HOUSEHOLDS = 200;
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'application/json' };
export const REQUESTS_PULL = `/api/requests/pull?schemaVersion=${SYNC_SCHEMA_VERSION}`;

type Answer = { json: number; wire: number };
export type RequestsPull = {
	hello: LoadResult;
	/** Without `known`: the whole snapshot (demandes, history, justificatifs). */
	full: LoadResult & Answer & { demandes: number };
	/** With `known` = the household's current version: `{ version, unchanged: true }`. */
	unchanged: LoadResult & Answer;
	households: number;
};

/** Sessions of 200 generated households spread over the town, as the agenda read takes them. */
async function signedIn(deps: AppDeps): Promise<string[]> {
	const accounts = await deps.db
		.selectFrom('account')
		.select('id')
		.where('username', 'like', 'famille.%')
		.orderBy('id')
		.execute();
	const step = Math.max(1, Math.floor(accounts.length / SIGNED_IN_HOUSEHOLDS));
	const picked = accounts.filter((_, i) => i % step === 0).slice(0, SIGNED_IN_HOUSEHOLDS);
	return Promise.all(picked.map((a) => sessionCookie(deps, a.id)));
}

async function pull(
	url: string,
	cookie: string
): Promise<{ version: number; demandes?: unknown[]; bytes: number }> {
	const res = await fetch(url, { headers: { cookie, accept: 'application/json' } });
	const text = await res.text();
	if (res.status !== 200) throw new Error(`${url} : ${res.status} ${text}`);
	return {
		...(JSON.parse(text) as { version: number; demandes?: unknown[] }),
		bytes: Buffer.byteLength(text)
	};
}

/**
 * Mes demandes' pull against the hello-world, in turns as the agenda read is measured: 50
 * connections over 200 households' sessions, the whole answer (no `known`) and the unchanged one
 * (`known` = the household's version, what a browser that has it sends), compressed as for a browser.
 */
export async function measureRequestsPull(
	deps: AppDeps,
	appUrl: string,
	helloUrl: string
): Promise<RequestsPull> {
	const cookies = await signedIn(deps);
	const known = await Promise.all(cookies.map((cookie) => pull(`${appUrl}${REQUESTS_PULL}`, cookie)));
	const first = known[0]!;
	const fullRequests = cookies.map((cookie) => ({
		path: REQUESTS_PULL,
		headers: { ...BROWSER_HEADERS, cookie }
	}));
	const unchangedRequests = cookies.map((cookie, i) => ({
		path: `${REQUESTS_PULL}&known=${known[i]!.version}`,
		headers: { ...BROWSER_HEADERS, cookie }
	}));
	const unchangedProbe = await pull(`${appUrl}${unchangedRequests[0]!.path}`, cookies[0]!);
	if (!('unchanged' in unchangedProbe)) throw new Error('la réponse inchangée attendue ne l’est pas');
	const helloRequests = [{ path: '/hello', headers: BROWSER_HEADERS }];

	const load = (url: string, requests: LoadOptions['requests'], seconds: number) =>
		runLoad({ url, connections: CONNECTIONS, seconds, requests });
	await load(helloUrl, helloRequests, WARM_UP_SECONDS);
	await load(appUrl, fullRequests, WARM_UP_SECONDS);
	await load(appUrl, unchangedRequests, WARM_UP_SECONDS);
	const rounds: { hello: LoadResult; full: LoadResult; unchanged: LoadResult }[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		const hello = await load(helloUrl, helloRequests, SECONDS);
		const full = await load(appUrl, fullRequests, SECONDS);
		const unchanged = await load(appUrl, unchangedRequests, SECONDS);
		rounds.push({ hello, full, unchanged });
	}
	const wire = (path: string) => wireBytes(`${appUrl}${path}`, { ...BROWSER_HEADERS, cookie: cookies[0]! });
	return {
		hello: combine(rounds.map((r) => r.hello)),
		full: {
			...combine(rounds.map((r) => r.full)),
			json: first.bytes,
			wire: await wire(REQUESTS_PULL),
			demandes: first.demandes?.length ?? 0
		},
		unchanged: {
			...combine(rounds.map((r) => r.unchanged)),
			json: unchangedProbe.bytes,
			wire: await wire(unchangedRequests[0]!.path)
		},
		households: cookies.length
	};
}
