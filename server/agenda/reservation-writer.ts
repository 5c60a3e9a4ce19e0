import type { AgendaPerson } from '../../src/lib/domain/agenda/snapshot.ts';
import type { ActivityDefinition } from '../../src/lib/domain/agenda/activities.ts';
import type { Change } from '../../src/lib/domain/agenda/planner.ts';
import { presenceLine } from '../billing/ledger.ts';
import type { Db } from '../db/database.ts';

const CHUNK = 400;
function chunks<T>(items: T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
	return out;
}

export type WriteContext = {
	householdId: number;
	accountId: number;
	author: string;
	now: string;
	activities: Map<string, ActivityDefinition>;
	persons: Map<number, AgendaPerson>;
};

/**
 * Writes accepted changes: each booking with its history line ("+") and its ledger debit; each
 * cancellation deletes the booking, adds "-" and a ledger credit that reverses the debit.
 * Invariant: a booking exists iff its ledger has one more presence than annulation for it.
 * Rows go in batches (one statement per few hundred rows): a saisie groupée of a school year stays
 * one short transaction. The caller owns the transaction.
 */
const debitKey = (c: { personId: number; activityCode: string; date: string }) =>
	`${c.personId}|${c.activityCode}|${c.date}`;

/** What was charged for each booking being cancelled: its latest presence line. */
async function originalDebits(trx: Db, householdId: number, cancels: Change[]): Promise<Map<string, number>> {
	const debits = new Map<string, number>();
	if (cancels.length === 0) return debits;
	const dates = cancels.map((c) => c.date).sort();
	const rows = await trx
		.selectFrom('ledger_entry')
		.select(['person_id', 'activity_code', 'value_date', 'debit_cents'])
		.where('household_id', '=', householdId)
		.where('kind', '=', 'presence')
		.where('value_date', '>=', dates[0] ?? '')
		.where('value_date', '<=', dates[dates.length - 1] ?? '')
		.orderBy('id')
		.execute();
	for (const r of rows) {
		debits.set(
			debitKey({ personId: r.person_id ?? 0, activityCode: r.activity_code ?? '', date: r.value_date }),
			r.debit_cents
		);
	}
	return debits;
}

export async function writeChanges(trx: Db, ctx: WriteContext, accepted: Change[]): Promise<void> {
	const creates = accepted.filter((c) => c.action === 'create');
	const cancels = accepted.filter((c) => c.action === 'cancel');
	for (const part of chunks(creates)) {
		await trx
			.insertInto('reservation')
			.values(
				part.map((c) => ({
					household_id: ctx.householdId,
					person_id: c.personId,
					activity_code: c.activityCode,
					service_date: c.date,
					created_at: ctx.now,
					created_by: ctx.accountId
				}))
			)
			.execute();
	}
	for (const c of cancels) {
		await trx
			.deleteFrom('reservation')
			.where('person_id', '=', c.personId)
			.where('activity_code', '=', c.activityCode)
			.where('service_date', '=', c.date)
			.execute();
	}
	const debits = await originalDebits(trx, ctx.householdId, cancels);
	for (const part of chunks(accepted)) {
		await trx
			.insertInto('reservation_history')
			.values(
				part.map((c) => ({
					household_id: ctx.householdId,
					person_id: c.personId,
					service_date: c.date,
					activity_code: c.activityCode,
					action: c.action === 'create' ? ('+' as const) : ('-' as const),
					at: ctx.now,
					author: ctx.author
				}))
			)
			.execute();
		await trx
			.insertInto('ledger_entry')
			.values(
				part.map((c) => {
					const activity = ctx.activities.get(c.activityCode);
					const person = ctx.persons.get(c.personId);
					if (!activity || !person)
						throw new Error(`Changement sans activité ou personne : ${JSON.stringify(c)}`);
					const line = presenceLine(person, activity);
					const create = c.action === 'create';
					return {
						household_id: ctx.householdId,
						value_date: c.date,
						recorded_at: ctx.now,
						label: create ? line.label : `Annulation ${line.label}`,
						sublabel: line.sublabel,
						debit_cents: create ? activity.priceCents : 0,
						// A cancellation gives back what was charged, even if the tariff changed since.
						credit_cents: create ? 0 : (debits.get(debitKey(c)) ?? activity.priceCents),
						kind: create ? ('presence' as const) : ('annulation' as const),
						person_id: c.personId,
						activity_code: c.activityCode
					};
				})
			)
			.execute();
	}
}
