import type { AgendaPerson } from '../../src/lib/domain/agenda/snapshot.ts';
import type { ActivityDefinition } from '../../src/lib/domain/agenda/activities.ts';
import type { Change } from '../../src/lib/domain/agenda/planner.ts';
import { presenceLine } from '../billing/ledger.ts';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { rowBatches } from './row-batches.ts';

export type WriteContext = {
	householdId: number;
	accountId: number;
	author: string;
	now: string;
	activities: Map<string, ActivityDefinition>;
	persons: Map<number, AgendaPerson>;
};

const debitKey = (c: { personId: number; activityCode: string; date: string }) =>
	`${c.personId}|${c.activityCode}|${c.date}`;

/**
 * What was charged for each booking of a list: its latest presence line, found by one index seek
 * per booking (ledger_by_booking, migration 0006), all in one statement per chunk. A household that
 * books and cancels the same days again and again must not make its next cancellation read all the
 * lines it piled up.
 */
const chargedFor = rowBatches((db, v, n) =>
	db
		.with(
			'cancelled(person_id, activity_code, value_date)',
			() =>
				sql<{ person_id: number; activity_code: string; value_date: string }>`(values ${sql.join(
					Array.from({ length: n }, (_, i) => sql`(${v(i, 0)}, ${v(i, 1)}, ${v(i, 2)})`)
				)})`
		)
		.selectFrom('cancelled')
		.select((eb) => [
			'cancelled.person_id',
			'cancelled.activity_code',
			'cancelled.value_date',
			eb
				.selectFrom('ledger_entry')
				.select('debit_cents')
				.whereRef('ledger_entry.person_id', '=', 'cancelled.person_id')
				.whereRef('ledger_entry.activity_code', '=', 'cancelled.activity_code')
				.whereRef('ledger_entry.value_date', '=', 'cancelled.value_date')
				.where('ledger_entry.kind', '=', 'presence')
				.orderBy('ledger_entry.id', 'desc')
				.limit(1)
				.as('debit_cents')
		])
);

async function originalDebits(trx: Db, cancels: Change[]): Promise<Map<string, number>> {
	const found = await chargedFor(
		trx,
		cancels.map((c) => [c.personId, c.activityCode, c.date])
	);
	const debits = new Map<string, number>();
	for (const r of found) {
		if (r.debit_cents !== null)
			debits.set(
				debitKey({ personId: r.person_id, activityCode: r.activity_code, date: r.value_date }),
				r.debit_cents
			);
	}
	return debits;
}

const insertBookings = rowBatches((db, v, n) =>
	db.insertInto('reservation').values(
		Array.from({ length: n }, (_, i) => ({
			household_id: v(i, 0),
			person_id: v(i, 1),
			activity_code: v(i, 2),
			service_date: v(i, 3),
			created_at: v(i, 4),
			created_by: v(i, 5)
		}))
	)
);

/** The bookings of one person and activity on the given days (the unique index's order). */
const deleteBookings = rowBatches((db, v, n) =>
	db
		.deleteFrom('reservation')
		.where('person_id', '=', v(0, 0))
		.where('activity_code', '=', v(0, 1))
		.where(
			'service_date',
			'in',
			Array.from({ length: n }, (_, i) => v(i, 2))
		)
);

const insertHistory = rowBatches((db, v, n) =>
	db.insertInto('reservation_history').values(
		Array.from({ length: n }, (_, i) => ({
			household_id: v(i, 0),
			person_id: v(i, 1),
			service_date: v(i, 2),
			activity_code: v(i, 3),
			action: v(i, 4),
			at: v(i, 5),
			author: v(i, 6)
		}))
	)
);

const insertLedger = rowBatches((db, v, n) =>
	db.insertInto('ledger_entry').values(
		Array.from({ length: n }, (_, i) => ({
			household_id: v(i, 0),
			value_date: v(i, 1),
			recorded_at: v(i, 2),
			label: v(i, 3),
			sublabel: v(i, 4),
			debit_cents: v(i, 5),
			credit_cents: v(i, 6),
			kind: v(i, 7),
			person_id: v(i, 8),
			activity_code: v(i, 9)
		}))
	)
);

/** Cancellations by person and activity: one statement deletes many days of the same booking. */
function byPersonAndActivity(cancels: Change[]): Change[][] {
	const groups = new Map<string, Change[]>();
	for (const c of cancels) {
		const key = `${c.personId}|${c.activityCode}`;
		const group = groups.get(key);
		if (group) group.push(c);
		else groups.set(key, [c]);
	}
	return [...groups.values()];
}

/**
 * Writes accepted changes: each booking with its history line ("+") and its ledger debit; each
 * cancellation deletes the booking, adds "-" and a ledger credit that reverses the debit.
 * Invariant: a booking exists iff its ledger has one more presence than annulation for it.
 * The caller owns the transaction, which must stay short: rows go in few prepared statements.
 * Returns what the cancellations credited back, in cents (the town's message after an enrolment ends).
 */
export async function writeChanges(trx: Db, ctx: WriteContext, accepted: Change[]): Promise<number> {
	const creates = accepted.filter((c) => c.action === 'create');
	const cancels = accepted.filter((c) => c.action === 'cancel');
	await insertBookings(
		trx,
		creates.map((c) => [ctx.householdId, c.personId, c.activityCode, c.date, ctx.now, ctx.accountId])
	);
	for (const group of byPersonAndActivity(cancels)) {
		await deleteBookings(
			trx,
			group.map((c) => [c.personId, c.activityCode, c.date])
		);
	}
	const debits = await originalDebits(trx, cancels);
	await insertHistory(
		trx,
		accepted.map((c) => [
			ctx.householdId,
			c.personId,
			c.date,
			c.activityCode,
			c.action === 'create' ? '+' : '-',
			ctx.now,
			ctx.author
		])
	);
	// The same few lines (one per child and activity) for thousands of days.
	const lines = new Map<string, ReturnType<typeof presenceLine> & { activity: ActivityDefinition }>();
	const lineOf = (c: Change) => {
		const key = `${c.personId}|${c.activityCode}`;
		let line = lines.get(key);
		if (!line) {
			const activity = ctx.activities.get(c.activityCode);
			const person = ctx.persons.get(c.personId);
			if (!activity || !person)
				throw new Error(`Changement sans activité ou personne : ${JSON.stringify(c)}`);
			lines.set(key, (line = { ...presenceLine(person, activity), activity }));
		}
		return line;
	};
	let creditedCents = 0;
	await insertLedger(
		trx,
		accepted.map((c) => {
			const line = lineOf(c);
			const activity = line.activity;
			const create = c.action === 'create';
			// A cancellation gives back what was charged, even if the tariff changed since.
			const credit = create ? 0 : (debits.get(debitKey(c)) ?? activity.priceCents);
			creditedCents += credit;
			return [
				ctx.householdId,
				c.date,
				ctx.now,
				create ? line.label : `Annulation ${line.label}`,
				line.sublabel,
				create ? activity.priceCents : 0,
				credit,
				create ? 'presence' : 'annulation',
				c.personId,
				c.activityCode
			];
		})
	);
	return creditedCents;
}
