import { formatEuros } from '../../src/lib/domain/money/format.ts';
import type { Db } from '../db/database.ts';

export const LEDGER_LINES = 50;

export type LedgerLine = {
	id: number;
	valueDate: string;
	label: string;
	sublabel: string;
	debit: string | null;
	credit: string | null;
};

/** A household's balance (credits minus debits, in cents and formatted) and its last 50 lines. */
export async function readHouseholdLedger(db: Db, householdId: number) {
	const [total, rows] = await Promise.all([
		db
			.selectFrom('ledger_entry')
			.select((eb) => [
				eb.fn.coalesce(eb.fn.sum<number>('credit_cents'), eb.val(0)).as('credit'),
				eb.fn.coalesce(eb.fn.sum<number>('debit_cents'), eb.val(0)).as('debit')
			])
			.where('household_id', '=', householdId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('ledger_entry')
			.select(['id', 'value_date', 'label', 'sublabel', 'debit_cents', 'credit_cents'])
			.where('household_id', '=', householdId)
			.orderBy('value_date', 'desc')
			.orderBy('id', 'desc')
			.limit(LEDGER_LINES)
			.execute()
	]);
	const balanceCents = Number(total.credit) - Number(total.debit);
	return {
		balanceCents,
		balance: formatEuros(balanceCents),
		lines: rows.map((r): LedgerLine => ({
			id: r.id,
			valueDate: r.value_date,
			label: r.label,
			sublabel: r.sublabel,
			debit: r.debit_cents ? formatEuros(r.debit_cents) : null,
			credit: r.credit_cents ? formatEuros(r.credit_cents) : null
		}))
	};
}
