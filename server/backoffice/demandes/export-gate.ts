import { AppError } from '../../http/errors.ts';

/**
 * How many CSV exports are built at once: each holds its file in memory and reads the queue by
 * chunks, and all the exports running take their turn between two chunks of every other request.
 * A town hall exports now and then: one at a time per agent, two in the town; beyond, the agent
 * is asked to try again shortly (attack review: 200 exports at once held /api/health for 7 s).
 */
export const EXPORT_SLOTS = { town: 2, agent: 1 };

export class ExportGate {
	#running = 0;
	readonly #byAgent = new Map<number, number>();

	constructor(private readonly slots = EXPORT_SLOTS) {}

	/** Takes a place for the agent's export, or refuses at once; `release` gives it back (once). */
	enter(agentId: number): () => void {
		const mine = this.#byAgent.get(agentId) ?? 0;
		if (this.#running >= this.slots.town || mine >= this.slots.agent)
			throw new AppError(
				429,
				'export_busy',
				'Un export est déjà en cours de préparation. Réessayez dans quelques instants.',
				undefined,
				{ 'Retry-After': '10' }
			);
		this.#running++;
		this.#byAgent.set(agentId, mine + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#running--;
			const left = (this.#byAgent.get(agentId) ?? 1) - 1;
			if (left <= 0) this.#byAgent.delete(agentId);
			else this.#byAgent.set(agentId, left);
		};
	}
}
