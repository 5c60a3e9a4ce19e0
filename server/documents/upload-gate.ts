import { AppError } from '../http/errors.ts';

/**
 * How many uploads stream at once: in the whole town, and for one household (its phone sends its
 * outbox one file after another; a second device may send at the same time). Each upload holds
 * one chunk in memory and a file descriptor, so the server's memory stays flat; beyond, the sender
 * is asked to try again shortly (its outbox keeps the file and retries a 503 with a delay).
 * The town's 10 is the figure of parallel uploads: in the bench, 8 uploads of 10 MB at
 * once left the server's resident memory where it was, and 10 added about 11 MiB to its heap and
 * buffers (README, Benchmark).
 */
export const UPLOAD_SLOTS = { town: 10, household: 3 };

const busy = () =>
	new AppError(
		503,
		'uploads_busy',
		'Le serveur reçoit déjà plusieurs fichiers. Nouvel essai dans quelques instants.',
		undefined,
		{ 'Retry-After': '5' }
	);

export class UploadGate {
	#running = 0;
	readonly #byHousehold = new Map<number, number>();

	constructor(private readonly slots = UPLOAD_SLOTS) {}

	/** Takes a place for the household's upload, or refuses at once; `release` gives it back. */
	enter(householdId: number): () => void {
		const mine = this.#byHousehold.get(householdId) ?? 0;
		if (this.#running >= this.slots.town || mine >= this.slots.household) throw busy();
		this.#running++;
		this.#byHousehold.set(householdId, mine + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#running--;
			const left = (this.#byHousehold.get(householdId) ?? 1) - 1;
			if (left === 0) this.#byHousehold.delete(householdId);
			else this.#byHousehold.set(householdId, left);
		};
	}
}
