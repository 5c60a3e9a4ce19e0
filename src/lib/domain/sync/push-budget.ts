import { countPeriodDays, type Periodicity } from '../agenda/periodicity.ts';

/**
 * What one push may cost the server, in day changes (one child, one activity, one day: a booking
 * or a cancellation to decide, and to write with its history and ledger lines). The server applies
 * a push on the thread that answers everyone, in transactions during which no other request can use
 * the database, yielding in between; so
 * - one transaction decides and writes at most MAX_TRANSACTION_WEIGHT changes: a saisie groupée
 *   heavier than that is applied in parts of whole days, one transaction each (mutation-parts.ts);
 * - one mutation is at most MAX_MUTATION_WEIGHT changes: more than a whole school year of three
 *   activities for three children (3 × 3 × 218 weekdays), and its answer lists every skipped day.
 *   The saisie groupée form refuses more beforehand, offline too (bulkPayloadSchema);
 * - one push is at most PUSH_BUDGET changes in all: the server leaves the mutations beyond it
 *   unanswered, and the browser's engine, which builds its batches with the same weights, sends
 *   them in its next request.
 * - one household's pushes ask for at most DAY_CHANGE_BUDGET changes in one day (Paris): every
 *   change is a history line and a ledger line for ever, and without a budget a household could
 *   write thousands a second. A mutation beyond it is rejected with its reason (the parent sees it),
 *   never applied in part. Its weight is reserved before any work, once (its parts and replays
 *   cost nothing more); refusals of a kind that costs no work (unreadable, too heavy, another
 *   household's child) are not counted.
 * The bench (README, Benchmark) times the heaviest transaction and reads other households' agendas
 * while the heaviest pushes are applied.
 */
export const MAX_TRANSACTION_WEIGHT = 500;
export const MAX_MUTATION_WEIGHT = 2000;
export const PUSH_BUDGET = 10_000;
/**
 * 10,000 a day: a parent booking the whole school year for three children in three activities
 * asks for about 2,000 (3 × 3 × 218 weekdays), and could then cancel and book it all again, and
 * correct days one by one, and stay within it; a household at the budget adds 10,000 history lines
 * a day, where one household wrote 28,000 in ten seconds without it.
 */
export const DAY_CHANGE_BUDGET = 10_000;
/** At most this many mutations per push (the server refuses more). */
export const MAX_PUSH_MUTATIONS = 500;

export type BulkShape = {
	personIds: unknown[];
	activityCodes: unknown[];
	from: string;
	to: string;
	weekdays: number[];
	periodicity: Periodicity;
};

/** The day changes a saisie groupée stands for (usagers × activités × jours), counted, not listed. */
export function bulkWeight(p: BulkShape): number {
	return (
		p.personIds.length * p.activityCodes.length * countPeriodDays(p.from, p.to, p.weekdays, p.periodicity)
	);
}

function isBulkShape(payload: unknown): payload is BulkShape {
	const p = payload as Partial<BulkShape> | null;
	return (
		typeof p === 'object' &&
		p !== null &&
		Array.isArray(p.personIds) &&
		Array.isArray(p.activityCodes) &&
		Array.isArray(p.weekdays) &&
		typeof p.from === 'string' &&
		typeof p.to === 'string'
	);
}

/**
 * What applying a mutation costs the server: its day changes, at least 1. Read from its shape
 * alone, before any check, so that the server and the browser weigh anything alike: a saisie
 * groupée over the limit costs 1, as anything the server refuses without working on it.
 */
export function mutationWeight(mutation: unknown): number {
	const m = mutation as { kind?: unknown; payload?: unknown } | null;
	if (typeof m !== 'object' || m === null || m.kind !== 'reservation.bulk.v1') return 1;
	if (!isBulkShape(m.payload)) return 1;
	const weight = bulkWeight(m.payload);
	return weight > MAX_MUTATION_WEIGHT ? 1 : Math.max(1, weight);
}

/**
 * How many of `weights`, from the first, fit in the budget; at least one, so that whoever
 * sends or applies them in turns always moves on.
 */
export function withinBudget(weights: number[], budget = PUSH_BUDGET): number {
	let spent = 0;
	for (const [i, weight] of weights.entries()) {
		spent += weight;
		if (spent > budget) return Math.max(1, i);
	}
	return weights.length;
}
