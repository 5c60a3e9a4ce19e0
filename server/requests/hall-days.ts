import { endOfMonth, fromIsoDate, toIsoDate } from '../../src/lib/domain/agenda/dates.ts';
import { parisDate } from '../../src/lib/domain/agenda/paris-time.ts';
import type { HallDaysAnswer } from '../../src/lib/domain/requests/snapshot.ts';
import type { Db } from '../db/database.ts';
import { hallDayOutOfRange, hallDayTaken, tooManyHallDays, type DemandeOutcome } from './request-refusals.ts';

/**
 * The salle des fêtes' days (hall_day): asked for by a demande once it is sent, booked once the
 * town accepts it. A day is asked for by one demande at a time; a refused demande's days are free
 * again, a deleted one's go with it (ON DELETE CASCADE).
 */

/** How far ahead the hall can be asked for, and shown. */
export const HALL_HORIZON_MONTHS = 18;
/** A request asks for a weekend or a few days: more is refused before anything is looked up. */
export const MAX_HALL_DAYS = 31;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// A calendar day, not 30 February (which Date would read as 2 March).
function isDay(d: string): boolean {
	const date = ISO_DAY.test(d) ? fromIsoDate(d) : null;
	return date !== null && !Number.isNaN(date.getTime()) && toIsoDate(date) === d;
}

export function hallWindow(now: Date): { from: string; to: string } {
	const from = parisDate(now);
	return { from, to: endOfMonth(from, HALL_HORIZON_MONTHS) };
}

/** The days a demande may ask for, or why not (past, too far, too many, already taken). */
export async function checkHallDays(
	db: Db,
	days: readonly string[],
	demandeId: number | null,
	now: Date
): Promise<DemandeOutcome | null> {
	const unique = [...new Set(days)];
	if (unique.length > MAX_HALL_DAYS) return tooManyHallDays(MAX_HALL_DAYS);
	const { from, to } = hallWindow(now);
	if (unique.some((d) => !isDay(d) || d < from || d > to)) return hallDayOutOfRange(from, to);
	if (unique.length === 0) return null;
	let query = db
		.selectFrom('hall_day')
		.innerJoin('demande', 'demande.id', 'hall_day.demande_id')
		.select('hall_day.day')
		.distinct()
		.where('hall_day.day', 'in', unique)
		.where('demande.status', '!=', 'refusee');
	if (demandeId !== null) query = query.where('hall_day.demande_id', '!=', demandeId);
	const taken = (await query.orderBy('hall_day.day').execute()).map((r) => r.day);
	return taken.length > 0 ? hallDayTaken(taken) : null;
}

/** The demande's days, replacing those of an earlier sending (a complément sent again). */
export async function askHallDays(trx: Db, demandeId: number, days: readonly string[]): Promise<void> {
	await trx.deleteFrom('hall_day').where('demande_id', '=', demandeId).execute();
	const unique = [...new Set(days)];
	if (unique.length === 0) return;
	await trx
		.insertInto('hall_day')
		.values(unique.map((day) => ({ day, demande_id: demandeId, state: 'demandee' as const })))
		.execute();
}

/** Town-wide and without personal data: which days are taken, booked ones first. */
export async function listHallDays(db: Db, from: string, to: string): Promise<HallDaysAnswer['days']> {
	const rows = await db
		.selectFrom('hall_day')
		.innerJoin('demande', 'demande.id', 'hall_day.demande_id')
		.select(['hall_day.day', (eb) => eb.fn.max('hall_day.state').as('state')])
		.where('hall_day.day', '>=', from)
		.where('hall_day.day', '<=', to)
		.where('demande.status', '!=', 'refusee')
		.groupBy('hall_day.day')
		.orderBy('hall_day.day')
		.execute();
	// 'reservee' sorts after 'demandee': the max is the day's strongest state.
	return rows.map((r) => ({ day: r.day, state: r.state === 'reservee' ? 'reservee' : 'demandee' }));
}
