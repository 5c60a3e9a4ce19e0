import type { RequestsSnapshot } from '../../src/lib/domain/requests/snapshot.ts';
import type { Db } from '../db/database.ts';
import { JsonAnswer } from '../http/json-answer.ts';
import { LruMap } from '../read-cache/lru-map.ts';
import { otherCommits } from '../sync/other-commits.ts';
import { resourceGenerations } from '../sync/resource-generation.ts';
import { resourceVersionReader } from '../sync/resource-version.ts';
import { requestsSnapshot } from './requests-snapshot.ts';

const MiB = 1024 * 1024;
/**
 * What is kept of a household's Mes demandes: its version, the `unchanged` answer of that version,
 * and its last whole answer. A phone pulls at every start, `online` and change, a new device or an
 * emptied database without `known`, and the largest answer took 50 ms or more to build and
 * compress. Bounded by count (more households than the town has: an entry without its whole
 * answer counts about 1 KB) and by memory, counted as wholeBytes does (attack review, 3c: the
 * former count, 2 to 3 times the text against 4 MiB, kept none of the largest). The largest
 * answer the design allows is kept: 100 demandes of 32 KiB of answers (MAX_PULLED_DEMANDES,
 * MAX_DRAFT_BYTES) are 3.35 million characters, 6.4 MiB of text once one of them is not Latin-1,
 * and 2.4 MiB of gzip when the answers are random base64 (real answers compress far more): 11.2 MiB
 * counted (requests-pull-cache.test.ts builds it), about 12 for any printable characters. Such
 * a household takes a third of the budget; an answer dropped for it costs one build.
 */
export const REQUESTS_CACHE_LIMITS = { households: 20_000, totalBytes: 32 * MiB, answerBytes: 14 * MiB };

/** A household's entry, its version and `unchanged` answer (too small to be compressed), counted high. */
const ENTRY_BYTES = 1024;

/**
 * The memory a whole answer holds once kept: its text as V8 keeps it, its gzip (made before it is
 * weighed: every browser asks for it), and as much again for the deflate body a client may ask
 * for later (the same stream, 12 bytes shorter). Counted from what was made, not guessed.
 */
function wholeBytes(whole: JsonAnswer): number {
	return whole.textBytes + 2 * whole.encodedBytes('gzip');
}

type Kept = {
	/** The household's generation and the other connections' commits when the version was read. */
	generation: number;
	commits: number;
	version: number;
	unchanged: JsonAnswer<RequestsSnapshot>;
	whole?: JsonAnswer<RequestsSnapshot>;
};

const RESOURCE = 'requests';

/**
 * Mes demandes' pull answers. While nothing of a household's demandes or documents was changed
 * (its generation, moved by every bumpResourceVersion, see server/sync/resource-generation.ts)
 * and no other connection committed, both answers come from memory without a query, whatever
 * the rest of the town writes. Otherwise the version is read again (one query): the same version
 * keeps what was kept, since every change raises it in its own transaction; a new one is built.
 */
export function requestsAnswers(db: Db, limits = REQUESTS_CACHE_LIMITS) {
	const readVersion = resourceVersionReader(db);
	const commits = otherCommits(db);
	const kept = new LruMap<number, Kept>(limits.households, {
		maxBytes: limits.totalBytes,
		bytesOf: (k) => ENTRY_BYTES + (k.whole ? wholeBytes(k.whole) : 0)
	});
	/**
	 * The whole answers being built, by household and version: pulls of the same household at once
	 * (its phones at start, a script) wait for one build and one compression (attack review, 3d).
	 */
	const building = new Map<string, Promise<JsonAnswer<RequestsSnapshot>>>();
	const build = (householdId: number, version: number): Promise<JsonAnswer<RequestsSnapshot>> => {
		const key = `${householdId}/${version}`;
		let whole = building.get(key);
		if (!whole) {
			whole = (async () => {
				const answer = new JsonAnswer<RequestsSnapshot>(await requestsSnapshot(db, householdId, version));
				await answer.prepare('gzip');
				return answer;
			})().finally(() => building.delete(key));
			building.set(key, whole);
		}
		return whole;
	};

	/** What is kept of the household, if still true at these commits of other connections. */
	const current = (householdId: number, seen: number): Kept | undefined => {
		const k = kept.get(householdId);
		return k?.commits === seen && k.generation === resourceGenerations.of(householdId, RESOURCE)
			? k
			: undefined;
	};

	return {
		/** The answer from memory, without awaiting anything, when it can be trusted. */
		remembered(householdId: number, known?: number): JsonAnswer<RequestsSnapshot> | undefined {
			const seen = commits.known();
			const k = seen === undefined ? undefined : current(householdId, seen);
			if (!k) return undefined;
			return known === k.version ? k.unchanged : k.whole;
		},

		async answer(householdId: number, known?: number): Promise<JsonAnswer<RequestsSnapshot>> {
			const seen = commits.known() ?? (await commits.check());
			let k = current(householdId, seen);
			if (!k) {
				// Read before the database: a change landing meanwhile moves it, and the next pull reads again.
				const generation = resourceGenerations.of(householdId, RESOURCE);
				const version = await readVersion(householdId, RESOURCE);
				const before = kept.get(householdId);
				k =
					before?.version === version
						? { ...before, generation, commits: seen }
						: {
								generation,
								commits: seen,
								version,
								unchanged: new JsonAnswer<RequestsSnapshot>({ version, unchanged: true })
							};
			}
			if (known === k.version) {
				kept.set(householdId, k);
				return k.unchanged;
			}
			let whole = k.whole;
			if (!whole) {
				whole = await build(householdId, k.version);
				// Above its size, given but not kept: the version and its `unchanged` answer still are.
				if (wholeBytes(whole) <= limits.answerBytes) k = { ...k, whole };
			}
			kept.set(householdId, k);
			return whole;
		},

		/** What is kept, for the tests and the bench. */
		stats() {
			let wholes = 0;
			for (const k of kept.values()) if (k.whole) wholes++;
			return { households: kept.size, wholes, bytes: kept.bytes };
		}
	};
}
