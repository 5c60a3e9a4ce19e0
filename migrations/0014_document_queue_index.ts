import type { Kysely } from 'kysely';

/**
 * The agents' list of justificatifs is read by status, oldest first: an index on exactly that (0016's document_by_status serves the counts, by id), so
 * a page of "à valider" is found without reading every family's documents.
 * Frozen in time: never import today's code.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('document_queue_by_status')
		.on('document')
		.columns(['status', 'uploaded_at', 'id'])
		.execute();
}
