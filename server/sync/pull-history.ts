import { sql } from 'kysely';
import type { HistoryLine } from '../../src/lib/domain/agenda/snapshot.ts';
import { HISTORY_LIMIT } from '../../src/lib/domain/sync/pull-bounds.ts';
import type { Db } from '../db/database.ts';
import { preparedForList, preparedPerDb } from '../db/prepared-query.ts';

/**
 * How far back, in the household's own lines, a pull looks for its window's history: its last
 * 20,000 actions (a family's real use is a few thousand a year; a household at its day budget
 * needs two days). Read by index, they cost about a millisecond; without this bound a window
 * without recent lines would read every line the household ever made.
 */
export const HISTORY_SCAN = 20_000;

type Window = { householdId: number; personIds: number[]; from: string; to: string };

/** The id of the household's HISTORY_SCAN-th most recent line: older ones are not read. */
export const scanFloor = (db: Db, householdId: number) =>
	db
		.selectFrom('reservation_history')
		.select('id')
		.where('household_id', '=', householdId)
		.orderBy('id', 'desc')
		// Literals, not parameters: the query is compiled once (preparedPerDb), its bounds with it.
		.limit(sql.lit(1))
		.offset(sql.lit(HISTORY_SCAN - 1));

/** scanFloor compiled once for each database. */
const floorOf = preparedPerDb(scanFloor, [0]);

/**
 * The window's most recent lines, newest first, among those from `floor` on: read backwards on
 * history_by_household_recent (migration 0008) and stopped after HISTORY_LIMIT + 1. The unary `+`
 * keeps SQLite from choosing the child-and-day index instead, which would read and sort every line
 * of the window however many there are.
 */
export const recentLines = (db: Db, w: Window, floor: number) =>
	db
		.selectFrom('reservation_history')
		.select(['person_id', 'service_date', 'activity_code', 'action', 'at', 'author'])
		.where('household_id', '=', w.householdId)
		.where('id', '>=', floor)
		.where(sql<number>`+person_id`, 'in', w.personIds)
		.where(sql<string>`+service_date`, '>=', w.from)
		.where(sql<string>`+service_date`, '<=', w.to)
		.orderBy('id', 'desc')
		.limit(sql.lit(HISTORY_LIMIT + 1));

/** recentLines compiled once for each number of children (and database). */
const recentOf = preparedForList(
	(db, personIds: number[], householdId: number, floor: number, from: string, to: string) =>
		recentLines(db, { householdId, personIds, from, to }, floor),
	(i) => -1_000_001 - i,
	[-1, -2, '0000-00-01', '0000-00-02']
);

/**
 * Whether the window has a line older than `floor`: by child and day (history_by_person_date),
 * stopped at the first; the lines it passes first are the window's recent ones, at most
 * HISTORY_SCAN. The `+` keeps SQLite from reading the household's or the town's older lines instead.
 */
export const olderLine = (db: Db, w: Window, floor: number) =>
	db
		.selectFrom('reservation_history')
		.select('id')
		.where('person_id', 'in', w.personIds)
		.where('service_date', '>=', w.from)
		.where('service_date', '<=', w.to)
		.where(sql<number>`+household_id`, '=', w.householdId)
		.where(sql<number>`+id`, '<', floor)
		.limit(1);

/**
 * The history a pull gives: at most HISTORY_LIMIT lines of the window, the most recent first, and
 * whether the window has others (older than the last one given). The work is bounded whatever the
 * household wrote: two index reads of at most HISTORY_SCAN entries and one of HISTORY_LIMIT + 1 rows.
 */
export async function windowHistory(
	db: Db,
	w: Window
): Promise<{ history: HistoryLine[]; historyTruncated: boolean }> {
	if (w.personIds.length === 0) return { history: [], historyTruncated: false };
	const floor = (await floorOf(db, w.householdId))[0]?.id ?? 0;
	const rows = await recentOf(db, w.personIds, w.householdId, floor, w.from, w.to);
	const truncated =
		rows.length > HISTORY_LIMIT ||
		(floor > 0 && (await olderLine(db, w, floor).executeTakeFirst()) !== undefined);
	return {
		history: rows.slice(0, HISTORY_LIMIT).map((h) => ({
			personId: h.person_id,
			date: h.service_date,
			activityCode: h.activity_code,
			action: h.action,
			at: h.at,
			author: h.author
		})),
		historyTruncated: truncated
	};
}
