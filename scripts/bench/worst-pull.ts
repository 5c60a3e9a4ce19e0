import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { AppDeps } from '../../server/deps.ts';
import { JsonAnswer } from '../../server/http/json-answer.ts';
import { answerBytes, PULL_CACHE_LIMITS } from '../../server/read-cache/pull-answers.ts';
import { HISTORY_SCAN } from '../../server/sync/pull-history.ts';
import { HISTORY_LIMIT } from '../../src/lib/domain/sync/pull-bounds.ts';
import type { AgendaSnapshot } from '../../src/lib/domain/agenda/snapshot.ts';
import type { PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import { SYNC_SCHEMA_VERSION } from '../../src/lib/domain/sync/protocol.ts';
import { createFamily, postPush } from './families.ts';
import { timed } from './heavy-push.ts';

/** The longest window a pull may ask for (121 days), as the attack of round 2 asked it. */
const FROM = '2026-12-01';
const TO = '2027-03-31';
const ROUNDS = 9;

export type WorstPull = {
	/** The household's history lines, and those the answer gives. */
	householdLines: number;
	historyLines: number;
	truncated: boolean;
	reservations: number;
	jsonBytes: number;
	gzipBytes: number;
	/** As the pull cache counts it, and whether it is kept (under PULL_CACHE_LIMITS.answerBytes). */
	keptBytes: number;
	kept: boolean;
	/** Built after a change of the household (median, worst), the longest stall, and read again. */
	coldMs: number;
	coldMaxMs: number;
	stallMs: number;
	cachedMs: number;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * The worst answer a household can make the server build: five children in every activity they
 * can book, each school day and leisure day of the longest window booked (through the app's own
 * pushes), and a history past its bounds, the most a pull reads of it: among the household's last
 * HISTORY_SCAN lines, HISTORY_LIMIT + 1 of the window, the oldest ones (written straight into the
 * table, as days at the day budget would leave them).
 * Timed over HTTP, compressed as for a browser: after a change of the household each time (the
 * answer is built again), then read again unchanged (from memory).
 */
export async function measureWorstPull(
	deps: AppDeps,
	appUrl: string,
	passwordHash: string
): Promise<WorstPull> {
	const sessions = ['restauration-scolaire', 'garderie', 'centre-de-loisirs'];
	const family = await createFamily(deps, 'HISTORIQUE', 5, passwordHash, sessions);
	const now = deps.clock.now().toISOString();
	const bulk = (activityCodes: string[], from: string, to: string) => ({
		id: randomUUID(),
		kind: 'reservation.bulk.v1',
		createdAt: now,
		payload: {
			personIds: family.childIds,
			action: 'creer',
			from,
			to,
			activityCodes,
			periodicity: 'aucune',
			weekdays: []
		}
	});
	const school = [
		'restauration-midi',
		'garderie-matin-payante',
		'garderie-soir-gratuite',
		'garderie-soir-payante'
	];
	const booked = (await postPush(appUrl, family.cookie, [
		bulk(school, FROM, '2027-01-31'),
		bulk(school, '2027-02-01', TO),
		bulk(['centre-de-loisirs'], FROM, TO)
	])) as PushResponse;
	if (booked.results.some((r) => r.status !== 'applied'))
		throw new Error(`réservations refusées : ${JSON.stringify(booked.results)}`);
	const child = family.childIds[0] ?? 0;
	const lines = (count: number, firstDay: string, days: number) =>
		sql`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${count})
			INSERT INTO reservation_history (household_id, person_id, service_date, activity_code, action, at, author)
			SELECT ${family.householdId}, ${child}, date(${firstDay}, '+' || (i % ${days}) || ' days'), 'restauration-midi',
				CASE i % 2 WHEN 0 THEN '+' ELSE '-' END, ${now}, 'HISTORIQUE Claire' FROM n`.execute(deps.db);
	// The window's lines first, then lines elsewhere: the household's last HISTORY_SCAN lines hold
	// just more than HISTORY_LIMIT of the window, behind all the others. A pull reads them all.
	await lines(HISTORY_SCAN + HISTORY_LIMIT, FROM, 121);
	await lines(HISTORY_SCAN - HISTORY_LIMIT - 1, '2027-05-01', 60);

	const url = `${appUrl}/api/sync/pull?from=${FROM}&to=${TO}&schemaVersion=${SYNC_SCHEMA_VERSION}`;
	const headers = { Cookie: family.cookie, 'Accept-Encoding': 'gzip, deflate, br' };
	const get = async () => {
		const res = await fetch(url, { headers });
		const body = await res.text();
		if (res.status !== 200) throw new Error(`pull refusé : ${res.status} ${body}`);
		return body;
	};
	const cold: number[] = [];
	let stallMs = 0;
	const cached: number[] = [];
	let text = '';
	for (let round = 0; round <= ROUNDS; round++) {
		// A cancellation then a booking again, in turn: the household's answer must be built again.
		const kind = round % 2 === 0 ? 'reservation.cancel.v1' : 'reservation.create.v1';
		const change = { personId: child, activityCode: 'restauration-midi', date: '2026-12-10' };
		await postPush(appUrl, family.cookie, [{ id: randomUUID(), kind, createdAt: now, payload: change }]);
		const built = await timed(get);
		text = built.value;
		const again = await timed(get);
		if (round === 0) continue; // a warm-up
		cold.push(built.ms);
		stallMs = Math.max(stallMs, built.stallMs);
		cached.push(again.ms);
	}
	const snapshot = JSON.parse(text) as AgendaSnapshot;
	const keptBytes = answerBytes(new JsonAnswer(snapshot));
	const { n } = await deps.db
		.selectFrom('reservation_history')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('household_id', '=', family.householdId)
		.executeTakeFirstOrThrow();
	return {
		householdLines: Number(n),
		historyLines: snapshot.history.length,
		truncated: snapshot.historyTruncated === true,
		reservations: snapshot.reservations.length,
		jsonBytes: Buffer.byteLength(text),
		gzipBytes: gzipSync(text).length,
		keptBytes,
		kept: keptBytes <= PULL_CACHE_LIMITS.answerBytes,
		coldMs: median(cold),
		coldMaxMs: Math.max(...cold),
		stallMs,
		cachedMs: median(cached)
	};
}
