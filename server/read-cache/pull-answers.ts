import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import type { WriteWatch } from '../db/write-watch.ts';
import { JsonAnswer } from '../http/json-answer.ts';
import { LruMap } from './lru-map.ts';

const MiB = 1024 * 1024;

/**
 * The memory kept pull answers may take, in bytes as `answerBytes` counts them (what the answer
 * holds, counted high). Sized for the whole town, 5,000 households, on a small server: answers are
 * kept compact (their gzip body alone, see JsonAnswer), and every household's usual window (the
 * agenda's three months and the days around them: 35 KB of JSON, 2.4 KB of gzip) took 17.0 MB as
 * counted here on the bench's town (`npm run bench`, « mémoire des réponses »), against 359 MB
 * when the text was kept.
 * - 32 MiB in all: the whole town's usual windows twice over (a second window each, as parents
 *   look at other months), reached only as households read; an answer dropped costs its next read
 *   one build (a millisecond or two), nothing else;
 * - 3 MiB for one household (its windows, on all its devices): hundreds of usual windows, or one
 *   or two of the largest, and never more than a tenth of the town's budget whatever it asks for;
 * - 2 MiB for one answer: above it, never kept. Every part of an answer is bounded (history at
 *   HISTORY_LIMIT lines, the rest by its 121 days), so only a household with many more children
 *   than families have comes near it.
 */
export const PULL_CACHE_LIMITS = { totalBytes: 32 * MiB, householdBytes: 3 * MiB, answerBytes: 2 * MiB };
/** A kept answer's own objects (its entry, key, stamps, JsonAnswer, headers), counted high. */
const ENTRY_BYTES = 1024;

/**
 * The memory a kept answer holds, counted high. Compact (nearly all: see JsonAnswer), its gzip body
 * and its own objects. Otherwise (above JsonAnswer's synchronous size) its JSON text, which V8
 * keeps at one byte a character when every character is Latin-1 (French is) and two otherwise;
 * the compressed copies made when clients ask (gzip, deflate: each under a quarter of the text for
 * JSON this repetitive), counted as the text's length once more; and its own objects.
 */
export function answerBytes(answer: JsonAnswer): number {
	if (answer.compact) return answer.encodedBytes('gzip') + ENTRY_BYTES;
	const { text } = answer;
	const perCharacter = /[\u0100-\uffff]/.test(text) ? 2 : 1;
	return text.length * perCharacter + text.length + ENTRY_BYTES;
}

/**
 * The tables an answer is checked against: the stamps and the version, which every write of the
 * rows it is made of raises (the stamps by triggers, which the WriteWatch follows from the schema).
 * So a write of anything else (a sign-in, a captcha, a demande, the audit log) leaves kept answers
 * trusted without a query.
 */
const STAMP_TABLES = ['household_stamp', 'household_version', 'town_stamp'];

/** More households than any town of this size has: the count is bounded by their bytes before. */
const MAX_HOUSEHOLDS = 20_000;

type Kept = { stamps: string; answer: JsonAnswer; generation: number; bytes: number };
type Household = LruMap<string, Kept>;

/**
 * Pull answers kept in memory, by household and window: phones pull the same months again and
 * again (at start, on `online`, after each change), far more often than anything in them changes.
 * An answer is served again only while the stamps it was built under have not moved: the
 * household's sync version and the stamps that triggers raise on every write of the rows an
 * answer is made of (migration 0004). While none of them was written (`writes`), not even the
 * stamps are read again. Least recently used answers are dropped first: a household's own
 * beyond its share, anyone's beyond the town's budget (`limits`).
 */
export function pullAnswers(db: Db, writes: WriteWatch, limits = PULL_CACHE_LIMITS) {
	const watched = writes.watch(STAMP_TABLES);
	const readStamps = preparedQuery(
		db,
		(householdId: number) =>
			db.selectNoFrom((eb) => [
				eb
					.selectFrom('household_stamp')
					.select('stamp')
					.where('household_id', '=', householdId)
					.as('household'),
				eb
					.selectFrom('household_version')
					.select('version')
					.where('household_id', '=', householdId)
					.as('version'),
				eb.selectFrom('town_stamp').select('stamp').as('town')
			]),
		[0]
	);
	// By household, then by window: each household's answers weigh within its share, and the
	// households (each weighing what it keeps) within the town's budget.
	const households = new LruMap<number, Household>(MAX_HOUSEHOLDS, {
		maxBytes: limits.totalBytes,
		bytesOf: (windows) => windows.bytes
	});
	const windowsOf = (householdId: number): Household =>
		households.get(householdId) ??
		new LruMap<string, Kept>(Infinity, { maxBytes: limits.householdBytes, bytesOf: (k) => k.bytes });
	/** Keeps the household's windows as they are now: counted again, and the most recent. */
	const update = (householdId: number, windows: Household) =>
		windows.size > 0 ? households.set(householdId, windows) : households.delete(householdId);

	const key = (from: string, to: string) => `${from}/${to}`;

	return {
		/** The kept answer, when no stamp was written since it was last checked. */
		remembered(householdId: number, from: string, to: string): JsonAnswer | undefined {
			const kept = households.get(householdId)?.get(key(from, to));
			return kept?.generation === watched.generation() ? kept.answer : undefined;
		},

		/** The answer for this household and window: the kept one if still true, or `build()`'s, kept. */
		async answer(householdId: number, from: string, to: string, build: () => Promise<unknown>) {
			const k = key(from, to);
			const kept = households.get(householdId)?.get(k);
			// Read before building: a change committed meanwhile moves them past these, so an answer
			// that already includes it is checked or built once more rather than kept too long.
			const generation = watched.generation();
			const [row] = await readStamps(householdId);
			const stamps = `${row?.household}/${row?.version}/${row?.town}`;
			if (kept?.stamps === stamps) {
				kept.generation = generation;
				return kept.answer;
			}
			const answer = new JsonAnswer(await build(), { compact: true });
			const bytes = answerBytes(answer);
			// Looked up again: other requests ran while this one was built.
			const windows = windowsOf(householdId);
			if (bytes > limits.answerBytes) windows.delete(k);
			else windows.set(k, { stamps, answer, generation, bytes });
			update(householdId, windows);
			return answer;
		},

		/** What is kept, for the tests and the bench: answers, households, and their bytes. */
		stats() {
			let answers = 0;
			let largestHousehold = 0;
			for (const windows of households.values()) {
				answers += windows.size;
				largestHousehold = Math.max(largestHousehold, windows.bytes);
			}
			return { answers, households: households.size, bytes: households.bytes, largestHousehold };
		}
	};
}
