/**
 * A Map of at most `max` entries that drops the least recently used first; reading an entry counts
 * as using it. For the server's small in-memory caches (statements, sessions, pull answers).
 * Given `weigh`, it also keeps the entries' bytes (as `bytesOf` counts each, when it is set) within
 * `maxBytes`, dropping the least recently used until they fit.
 */
export class LruMap<K, V> {
	readonly #entries = new Map<K, V>();
	readonly #bytes = new Map<K, number>();
	#totalBytes = 0;

	constructor(
		readonly max: number,
		readonly weigh?: { maxBytes: number; bytesOf: (value: V) => number }
	) {}

	/** The bytes of the entries kept, as `bytesOf` counted them (0 without `weigh`). */
	get bytes(): number {
		return this.#totalBytes;
	}

	get size(): number {
		return this.#entries.size;
	}

	get(key: K): V | undefined {
		const value = this.#entries.get(key);
		if (value !== undefined) {
			// A Map keeps insertion order: set again, the entry moves to the most recent end.
			this.#entries.delete(key);
			this.#entries.set(key, value);
		}
		return value;
	}

	/** Keeps `value` as the most recent entry (its bytes counted now), then drops what is too much. */
	set(key: K, value: V): void {
		this.delete(key);
		this.#entries.set(key, value);
		if (this.weigh) {
			const bytes = this.weigh.bytesOf(value);
			this.#bytes.set(key, bytes);
			this.#totalBytes += bytes;
		}
		while (
			this.#entries.size > this.max ||
			(this.weigh && this.#totalBytes > this.weigh.maxBytes && this.#entries.size > 0)
		) {
			this.delete(this.#entries.keys().next().value as K);
		}
	}

	delete(key: K): void {
		this.#entries.delete(key);
		const bytes = this.#bytes.get(key);
		if (bytes !== undefined) {
			this.#bytes.delete(key);
			this.#totalBytes -= bytes;
		}
	}

	values(): IterableIterator<V> {
		return this.#entries.values();
	}
}
