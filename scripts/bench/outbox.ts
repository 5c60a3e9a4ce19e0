import { randomUUID } from 'node:crypto';
import { loadCalendar } from '../../server/agenda/agenda-data.ts';
import type { AppDeps } from '../../server/deps.ts';
import type { PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import { createFamily, postPush } from './families.ts';
import { schoolDaysBetween } from './generate.ts';

export const QUEUED = 200;
/** What the browser's sync engine sends per request (src/lib/offline/sync-engine.ts, BATCH). */
const BATCH = 100;

export type Outbox = { ms: number; applied: number; requests: number };

/**
 * 200 bookings made offline (distinct child × day, canteen, December to February) pushed as the
 * sync engine does, in batches of 100, one after the other; timed from the first request sent to
 * the last answer read, every one of them acknowledged as applied.
 */
export async function measureOutbox(deps: AppDeps, appUrl: string, passwordHash: string): Promise<Outbox> {
	const family = await createFamily(deps, 'HORSLIGNE', 6, passwordHash, ['restauration-scolaire']);
	const days = schoolDaysBetween(await loadCalendar(deps.db), '2026-12-01', '2027-02-28');
	const now = deps.clock.now().toISOString();
	const mutations = days
		.flatMap((date) => family.childIds.map((personId) => ({ personId, date })))
		.slice(0, QUEUED)
		.map(({ personId, date }) => ({
			id: randomUUID(),
			kind: 'reservation.create.v1',
			createdAt: now,
			payload: { personId, activityCode: 'restauration-midi', date }
		}));
	if (mutations.length < QUEUED) throw new Error(`seulement ${mutations.length} réservations possibles`);

	const started = performance.now();
	const answers: PushResponse[] = [];
	for (let i = 0; i < mutations.length; i += BATCH) {
		answers.push((await postPush(appUrl, family.cookie, mutations.slice(i, i + BATCH))) as PushResponse);
	}
	const ms = performance.now() - started;
	const results = answers.flatMap((a) => a.results);
	const applied = results.filter((r) => r.status === 'applied').length;
	if (applied !== QUEUED) {
		const refused = results.find((r) => r.status !== 'applied');
		throw new Error(`${QUEUED - applied} modifications non appliquées : ${JSON.stringify(refused)}`);
	}
	return { ms, applied, requests: answers.length };
}
