import { AppError } from '../http/errors.ts';

/**
 * The slowest an upload's body may arrive: 32 KiB in any 5 s of the server waiting for it (about
 * 52 kbit/s, what a weak 2G signal still carries; a 10 MB file then takes at most 5 min), or in
 * the last window what is left of its declared size. A slot of the upload gate is held while a
 * body arrives: without a floor, bodies sent at a byte a second held all the town's slots until
 * the request's timeout (attack review, finding 4). The time the server spends writing to disk
 * between two reads is not the sender's, and is not counted.
 */
export const MIN_THROUGHPUT = { bytes: 32 * 1024, ms: 5_000 };

export const tooSlow = () =>
	new AppError(
		408,
		'upload_too_slow',
		'Le fichier arrive trop lentement (connexion faible ?). Il reste sur cet appareil : nouvel essai plus tard.'
	);

/**
 * A request's body read one chunk at a time under MIN_THROUGHPUT, knowing how it ended: `read`
 * gives null at its end and throws `tooSlow()` when the sender falls below the floor. `settle`
 * is called once the answer is decided. A body not read to its end is then drained, so that the
 * sender, still sending, reads the answer instead of a reset connection (an HTTP/1.1 client
 * sends its whole body whatever the server answers early; Node's own clean-up gives it 500 ms,
 * then closes the socket with the rest unread, which resets the connection). The drain reads at
 * most what is left of the declared size, under the same floor and the request's timeout; a
 * body too slow, or longer than it said, is cut instead.
 */
export class UploadBody {
	readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
	#received = 0;
	#windowBytes = 0;
	#windowLeft: number;
	#ended = false;
	#cut = false;

	constructor(
		body: ReadableStream<Uint8Array>,
		private readonly declared: number,
		private readonly floor = MIN_THROUGHPUT
	) {
		this.#reader = body.getReader();
		this.#windowLeft = floor.ms;
	}

	get received(): number {
		return this.#received;
	}

	async read(): Promise<Uint8Array | null> {
		const started = Date.now();
		let timer: ReturnType<typeof setTimeout> | undefined;
		const late = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(this.#tooSlow()), Math.max(0, this.#windowLeft));
		});
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await Promise.race([this.#reader.read(), late]);
		} finally {
			clearTimeout(timer);
		}
		this.#windowLeft -= Date.now() - started;
		if (chunk.done) {
			this.#ended = true;
			return null;
		}
		this.#received += chunk.value.byteLength;
		this.#windowBytes += chunk.value.byteLength;
		const left = this.declared - (this.#received - this.#windowBytes);
		if (this.#windowBytes >= Math.min(this.floor.bytes, left)) {
			this.#windowBytes = 0;
			this.#windowLeft = this.floor.ms;
		} else if (this.#windowLeft <= 0) throw this.#tooSlow();
		return chunk.value;
	}

	/** Refuses what arrives beyond `max` bytes: the rest is not read, even to drain it. */
	cutAt(max: number, error: () => Error): void {
		if (this.#received <= max) return;
		this.#cut = true;
		throw error();
	}

	#tooSlow(): AppError {
		this.#cut = true;
		return tooSlow();
	}

	/** Drains what is left of the body (see the class), or cancels it when it is not to be read. */
	async settle(): Promise<void> {
		try {
			while (!this.#ended && !this.#cut && this.#received <= this.declared) await this.read();
		} catch {
			// Too slow to drain: cut.
		}
		if (!this.#ended) await this.#reader.cancel().catch(() => undefined);
	}
}
