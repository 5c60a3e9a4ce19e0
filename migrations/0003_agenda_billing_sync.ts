import type { Kysely } from 'kysely';

/**
 * Reservations with their history, the household ledger (billing), and what the sync protocol
 * needs: the mutations already applied (with their answer) and a version per household.
 * Frozen in time: never import today's code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('reservation')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
		.addColumn('activity_code', 'text', (c) => c.notNull().references('activity.code'))
		.addColumn('service_date', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.notNull().references('account.id'))
		.addUniqueConstraint('reservation_once', ['person_id', 'activity_code', 'service_date'])
		.execute();
	await db.schema
		.createIndex('reservation_by_household_date')
		.on('reservation')
		.columns(['household_id', 'service_date'])
		.execute();
	await db.schema
		.createIndex('reservation_by_activity_date')
		.on('reservation')
		.columns(['activity_code', 'service_date'])
		.execute();

	await db.schema
		.createTable('reservation_history')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
		.addColumn('service_date', 'text', (c) => c.notNull())
		.addColumn('activity_code', 'text', (c) => c.notNull())
		// '+' booked, '-' cancelled.
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('author', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('history_by_person_date')
		.on('reservation_history')
		.columns(['person_id', 'service_date'])
		.execute();

	await db.schema
		.createTable('ledger_entry')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		// Date de valeur (the service day) and date d'enregistrement (when it was recorded).
		.addColumn('value_date', 'text', (c) => c.notNull())
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('sublabel', 'text', (c) => c.notNull())
		.addColumn('debit_cents', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('credit_cents', 'integer', (c) => c.notNull().defaultTo(0))
		// 'presence' (a booking), 'annulation' (its reversal), later 'recharge' and 'report'.
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('person_id', 'integer', (c) => c.references('person.id'))
		.addColumn('activity_code', 'text')
		.execute();
	await db.schema
		.createIndex('ledger_by_household_date')
		.on('ledger_entry')
		.columns(['household_id', 'value_date'])
		.execute();

	await db.schema
		.createTable('applied_mutation')
		// The client's UUID: a replay finds its answer here instead of applying twice.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		.addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('result_json', 'text', (c) => c.notNull())
		.addColumn('applied_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('household_version')
		.addColumn('household_id', 'integer', (c) => c.primaryKey().references('household.id'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.execute();
}
