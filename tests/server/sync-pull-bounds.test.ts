import { sql, type Compilable, type CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT } from '../../src/lib/domain/sync/pull-bounds.ts';
import { HISTORY_SCAN, olderLine, recentLines, scanFloor } from '../../server/sync/pull-history.ts';
import { create, dupins, pull, push } from './support/agenda.ts';
import type { TestCtx } from './support/test-app.ts';

// A pull answer is bounded whatever a household wrote: its history, the one part a household can
// grow at will, is cut to the most recent lines of the window, found by bounded index reads.

const WINDOW = ['2026-12-01', '2027-03-30'] as const;

/**
 * `count` history lines written straight into the table (as years of use or a hostile client
 * would leave them), one statement: line i concerns `day(i)` and was recorded at minute i.
 */
async function addLines(
	ctx: TestCtx,
	line: { householdId: number; personId: number },
	count: number,
	firstDay: string,
	days: number
) {
	await sql`
		WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${count})
		INSERT INTO reservation_history (household_id, person_id, service_date, activity_code, action, at, author)
		SELECT ${line.householdId}, ${line.personId}, date(${firstDay}, '+' || (i % ${days}) || ' days'),
			'restauration-midi', CASE i % 2 WHEN 0 THEN '+' ELSE '-' END,
			strftime('%Y-%m-%dT%H:%M:%S.000Z', '2026-09-01T00:00:00Z', '+' || i || ' minutes'), 'DUPIN Pascal'
		FROM n`.execute(ctx.db);
}

async function dupinHousehold(ctx: TestCtx) {
	const { household_id } = await ctx.db
		.selectFrom('account')
		.select('household_id')
		.where('username', '=', 'pascal.dupin')
		.executeTakeFirstOrThrow();
	return household_id;
}

describe('the history of a pull is bounded', () => {
	it('gives the window’s most recent lines, at most HISTORY_LIMIT, and says when there are more', async () => {
		const { ctx, client, timId } = await dupins();
		const householdId = await dupinHousehold(ctx);
		const line = { householdId, personId: timId };
		await addLines(ctx, line, HISTORY_LIMIT, WINDOW[0], 120);
		const complete = await pull(client, ...WINDOW);
		expect(complete.history).toHaveLength(HISTORY_LIMIT);
		expect(complete.historyTruncated).toBe(false);

		// One more line, the most recent of all (a booking through the API): the oldest is left out.
		await push(client, create(timId, 'restauration-midi', '2026-12-03'));
		const cut = await pull(client, ...WINDOW);
		expect(cut.history).toHaveLength(HISTORY_LIMIT);
		expect(cut.historyTruncated).toBe(true);
		expect(cut.history[0]).toMatchObject({ date: '2026-12-03', action: '+', at: '2026-11-28T09:00:00.000Z' });
		expect(cut.history.slice(1)).toEqual(complete.history.slice(0, HISTORY_LIMIT - 1));
		// The database itself stops after one line more than it gives: reading is bounded too.
		await addLines(ctx, line, 100, WINDOW[0], 120);
		const w = { householdId, personIds: [timId], from: WINDOW[0], to: WINDOW[1] };
		expect(await recentLines(ctx.db, w, 0).execute()).toHaveLength(HISTORY_LIMIT + 1);
		// Lines outside the window, however many, are not counted against it.
		expect((await pull(client, '2027-04-01', '2027-04-30')).historyTruncated).toBe(false);
	});

	it('looks for them among the household’s last HISTORY_SCAN lines only, and says when older ones exist', async () => {
		const { ctx, client, timId } = await dupins();
		const householdId = await dupinHousehold(ctx);
		const line = { householdId, personId: timId };
		await addLines(ctx, line, 10, '2026-12-01', 10);
		// Then a household's whole budget of lines elsewhere, more recent: December's are beyond reach.
		await addLines(ctx, line, HISTORY_SCAN - 10, '2027-05-01', 30);
		const december = ['2026-12-01', '2026-12-31'] as const;
		expect(await pull(client, ...december)).toMatchObject({ historyTruncated: false });
		expect((await pull(client, ...december)).history).toHaveLength(10);
		await addLines(ctx, line, 3, '2027-05-01', 30);
		const beyond = await pull(client, ...december);
		expect(beyond.history).toHaveLength(7);
		expect(beyond.historyTruncated).toBe(true);
		// A window without any line at all is complete, however long the household's history.
		expect(await pull(client, '2027-01-01', '2027-01-31')).toMatchObject({
			history: [],
			historyTruncated: false
		});
	});

	it('reads the history by index only: no sort of the window’s lines, no scan of the town’s', async () => {
		const { ctx, timId } = await dupins();
		const householdId = await dupinHousehold(ctx);
		const w = { householdId, personIds: [timId, timId + 1], from: WINDOW[0], to: WINDOW[1] };
		const explain = async (query: Compilable<unknown>) => {
			const compiled = query.compile();
			const result = await ctx.db.executeQuery<{ detail: string }>({
				...compiled,
				sql: `EXPLAIN QUERY PLAN ${compiled.sql}`
			} as CompiledQuery<{ detail: string }>);
			return result.rows.map((r) => r.detail).join(' | ');
		};
		expect(await explain(scanFloor(ctx.db, householdId))).toBe(
			'SEARCH reservation_history USING COVERING INDEX history_by_household_recent (household_id=?)'
		);
		expect(await explain(recentLines(ctx.db, w, 1))).toBe(
			'SEARCH reservation_history USING INDEX history_by_household_recent (household_id=? AND id>?)'
		);
		expect(await explain(olderLine(ctx.db, w, 1))).toBe(
			'SEARCH reservation_history USING INDEX history_by_person_date (person_id=? AND service_date>? AND service_date<?)'
		);
	});
});
