import { LruMap } from '../read-cache/lru-map.ts';
import type { PulledResource } from './resource-version.ts';

/**
 * In this process's memory, a generation of each household's pulled resources, moved by
 * bumpResourceVersion (resource-version.ts) in the same call that raises the version: every
 * change of a resource passes there, in its transaction, so a cache that checked an answer at
 * generation G may give it again without any query while it is still G. Unlike the WriteWatch's
 * generation, which any write of the town moves, only a change of that household's resource does.
 * Moved before the change commits, which is safe: the single connection (Kysely's mutex) makes a
 * read started meanwhile wait for the commit, and a change rolled back only costs a rebuild.
 * Commits of other connections are not seen here (see other-commits.ts).
 */
export class ResourceGenerations {
	/** Each change takes the next number: a household's generation never comes back to a former one. */
	#counter = 0;
	/**
	 * The generation of a household not kept: raised to the latest number whenever one is
	 * forgotten, so a forgotten household's generation moves (its caches check once more) and
	 * never equals one it had.
	 */
	#floor = 0;
	readonly #kept = new Map<PulledResource, LruMap<number, number>>();

	/** At most `households` kept by resource, the least recently used forgotten first. */
	constructor(readonly households: number) {}

	/** Moves the generation of `resource` for the household. */
	note(householdId: number, resource: PulledResource): void {
		let kept = this.#kept.get(resource);
		if (!kept) this.#kept.set(resource, (kept = new LruMap<number, number>(this.households)));
		const forgetsOne = kept.size >= kept.max && kept.get(householdId) === undefined;
		kept.set(householdId, ++this.#counter);
		if (forgetsOne) this.#floor = this.#counter;
	}

	/** Read before the database is, so that a change landing meanwhile moves it past what was read. */
	of(householdId: number, resource: PulledResource): number {
		return this.#kept.get(resource)?.get(householdId) ?? this.#floor;
	}
}

/**
 * The process's: bumpResourceVersion is given a transaction, not the database it belongs to, so
 * two databases in one process (tests) share it, and only make each other's caches check again.
 * 50,000 households: more than any town of this size has (a few MB at most).
 */
export const resourceGenerations = new ResourceGenerations(50_000);
