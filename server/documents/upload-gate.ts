import { AppError } from '../http/errors.ts';

/**
 * How many uploads stream at once: in the whole town, for one household (its phone sends its
 * outbox one file after another; a second device may send at the same time), and from one
 * address (clientIp: behind the town's proxy, the client's). Each upload holds one chunk in
 * memory and a file descriptor, so the server's memory stays flat; beyond, the sender is asked to
 * try again shortly (its outbox keeps the file and retries a 503 with a delay).
 * The town's 10 is the figure of parallel uploads: in the bench, 8 uploads of 10 MB at
 * once left the server's resident memory where it was, and 10 added about 11 MiB to its heap and
 * buffers (README, Benchmark).
 * An address's 4 are a household's 3 and one of a neighbour behind the same box: accounts are
 * easy to open (10 per address per quarter of an hour), and 4 households of one client held the
 * town's 10 (attack review, finding 4); it now takes three addresses, each sending at least the
 * throughput floor (upload-body.ts).
 */
export const UPLOAD_SLOTS = { town: 10, household: 3, address: 4 };

const busy = () =>
	new AppError(
		503,
		'uploads_busy',
		'Le serveur reçoit déjà plusieurs fichiers. Nouvel essai dans quelques instants.',
		undefined,
		{ 'Retry-After': '5' }
	);

/** Counts by key, forgetting a key back at 0 (the maps never grow with past senders). */
class Tally<K> {
	readonly #counts = new Map<K, number>();
	get(key: K): number {
		return this.#counts.get(key) ?? 0;
	}
	add(key: K, by: 1 | -1): void {
		const next = this.get(key) + by;
		if (next <= 0) this.#counts.delete(key);
		else this.#counts.set(key, next);
	}
}

export class UploadGate {
	#running = 0;
	readonly #byHousehold = new Tally<number>();
	readonly #byAddress = new Tally<string>();

	constructor(private readonly slots = UPLOAD_SLOTS) {}

	/** Takes a place for the household's upload from `address`, or refuses at once; `release` gives it back. */
	enter(householdId: number, address: string): () => void {
		if (
			this.#running >= this.slots.town ||
			this.#byHousehold.get(householdId) >= this.slots.household ||
			this.#byAddress.get(address) >= this.slots.address
		) {
			throw busy();
		}
		this.#running++;
		this.#byHousehold.add(householdId, 1);
		this.#byAddress.add(address, 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#running--;
			this.#byHousehold.add(householdId, -1);
			this.#byAddress.add(address, -1);
		};
	}
}
