import type { RequestsSnapshot } from '../../src/lib/domain/requests/snapshot.ts';
import type { Db } from '../db/database.ts';
import { JsonAnswer } from '../http/json-answer.ts';
import { LruMap } from '../read-cache/lru-map.ts';
import { answerBytes } from '../read-cache/pull-answers.ts';
import { readResourceVersion } from '../sync/resource-version.ts';
import { requestsSnapshot } from './requests-snapshot.ts';

const MiB = 1024 * 1024;
/**
 * A household's last whole answer, kept by its version: a phone pulls at every start, `online`
 * and change, a new device or an emptied database without `known`, and the largest answer (100
 * demandes of 32 KiB of answers, 3 MiB of JSON) took 50 ms or more to build and compress. Every
 * change raises the version in its transaction (server/sync/resource-version.ts), so an answer
 * kept under the current version is the current state. Bounded by memory, never by households.
 */
export const REQUESTS_CACHE_LIMITS = { totalBytes: 32 * MiB, answerBytes: 4 * MiB };

type Kept = { version: number; answer: JsonAnswer<RequestsSnapshot> };

export function requestsAnswers(db: Db) {
	const kept = new LruMap<number, Kept>(Number.MAX_SAFE_INTEGER, {
		maxBytes: REQUESTS_CACHE_LIMITS.totalBytes,
		bytesOf: (entry) => answerBytes(entry.answer)
	});
	return {
		async answer(householdId: number, known?: number): Promise<JsonAnswer<RequestsSnapshot>> {
			// Read before the snapshot: a change landing meanwhile moves it, and the next pull rebuilds.
			const version = await readResourceVersion(db, householdId, 'requests');
			if (known === version) return new JsonAnswer<RequestsSnapshot>({ version, unchanged: true });
			const entry = kept.get(householdId);
			if (entry?.version === version) return entry.answer;
			const answer = new JsonAnswer<RequestsSnapshot>(await requestsSnapshot(db, householdId, version));
			if (answerBytes(answer) <= REQUESTS_CACHE_LIMITS.answerBytes)
				kept.set(householdId, { version, answer });
			else kept.delete(householdId);
			return answer;
		}
	};
}
