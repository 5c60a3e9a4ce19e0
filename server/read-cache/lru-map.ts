/**
 * A Map of at most `max` entries that drops the least recently used first; reading an entry counts
 * as using it. For the server's small in-memory caches (statements, sessions, pull answers).
 */
export class LruMap<K, V> {
	readonly #entries = new Map<K, V>();

	constructor(readonly max: number) {}

	get(key: K): V | undefined {
		const value = this.#entries.get(key);
		if (value !== undefined) {
			// A Map keeps insertion order: set again, the entry moves to the most recent end.
			this.#entries.delete(key);
			this.#entries.set(key, value);
		}
		return value;
	}

	set(key: K, value: V): void {
		this.#entries.delete(key);
		this.#entries.set(key, value);
		if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as K);
	}

	delete(key: K): void {
		this.#entries.delete(key);
	}
}
