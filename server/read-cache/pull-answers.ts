import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import type { WriteWatch } from '../db/write-watch.ts';
import { JsonAnswer } from '../http/json-answer.ts';
import { LruMap } from './lru-map.ts';

/** About 10 KiB of JSON and 2 KiB of gzip each: at most some 12 MiB on the town's small server. */
const MAX_ANSWERS = 1000;

/**
 * Pull answers kept in memory, by household and window: phones pull the same months again and
 * again (at start, on `online`, after each change), far more often than anything in them changes.
 * An answer is served again only while the stamps it was built under have not moved: the
 * household's sync version and the stamps that triggers raise on every write of the rows an
 * answer is made of (migration 0004). While nothing at all has been written (`writes`), not even
 * the stamps are read again. Least recently used answers are dropped first.
 */
export function pullAnswers(db: Db, writes: WriteWatch) {
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
	type Kept = { stamps: string; answer: JsonAnswer; generation: number };
	const answers = new LruMap<string, Kept>(MAX_ANSWERS);

	const key = (householdId: number, from: string, to: string) => `${householdId}/${from}/${to}`;

	return {
		/** The kept answer, when nothing at all was written since it was last checked. */
		remembered(householdId: number, from: string, to: string): JsonAnswer | undefined {
			const k = key(householdId, from, to);
			const kept = answers.get(k);
			return kept?.generation === writes.generation() ? kept.answer : undefined;
		},

		/** The answer for this household and window: the kept one if still true, or `build()`'s, kept. */
		async answer(householdId: number, from: string, to: string, build: () => Promise<unknown>) {
			const k = key(householdId, from, to);
			const kept = answers.get(k);
			// Read before building: a change committed meanwhile moves them past these, so an answer
			// that already includes it is checked or built once more rather than kept too long.
			const generation = writes.generation();
			const [row] = await readStamps(householdId);
			const stamps = `${row?.household}/${row?.version}/${row?.town}`;
			if (kept?.stamps === stamps) {
				answers.set(k, { ...kept, generation });
				return kept.answer;
			}
			const answer = new JsonAnswer(await build());
			answers.set(k, { stamps, answer, generation });
			return answer;
		}
	};
}
