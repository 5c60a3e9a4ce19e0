import type { Kysely } from 'kysely';

/**
 * The tableau de bord's counts without a table scan: the day's bookings of every activity
 * (reservation by service_date first: 0003 has it by household and by activity only) and the
 * justificatifs à valider (document by status). Frozen in time: never import today's code.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('reservation_by_date_activity')
		.on('reservation')
		.columns(['service_date', 'activity_code'])
		.execute();
	await db.schema.createIndex('document_by_status').on('document').columns(['status', 'id']).execute();
}
