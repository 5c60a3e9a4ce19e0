import { sql, type Kysely } from 'kysely';

/**
 * The town's public catalogue (categories, téléprocédures, news) and the activities and school
 * calendar that the agenda books against. Frozen in time: never import today's code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('catalog_category')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('procedure')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		// Null: shown at the top level of the list, before the categories (as in the manual).
		.addColumn('category_id', 'integer', (c) => c.references('catalog_category.id'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('requires_account', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('news_item')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('published_on', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('activity')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('group_code', 'text', (c) => c.notNull())
		.addColumn('group_label', 'text', (c) => c.notNull())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('start_time', 'text', (c) => c.notNull())
		.addColumn('end_time', 'text', (c) => c.notNull())
		.addColumn('price_cents', 'integer', (c) => c.notNull())
		.addColumn('tariff_label', 'text', (c) => c.notNull())
		// 'school_days' or 'leisure_days' (Wednesdays and school holidays).
		.addColumn('runs_on', 'text', (c) => c.notNull())
		.addColumn('capacity', 'integer')
		// Booking and cancellation close the day before the service at this hour (Europe/Paris).
		.addColumn('deadline_hour', 'integer', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('school_year')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('zone', 'text', (c) => c.notNull())
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('calendar_closure')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('school_year_id', 'text', (c) => c.notNull().references('school_year.id'))
		// 'vacances' (school holidays), 'ferie' (public holiday) or 'fermeture' (closure set by the town).
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('calendar_closure_by_year')
		.on('calendar_closure')
		.columns(['school_year_id', 'starts_on'])
		.execute();

	await db.schema
		.createTable('town_setup')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('done_at', 'text', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
		.execute();
}
