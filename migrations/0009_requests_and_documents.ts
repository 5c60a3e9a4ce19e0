import type { Kysely } from 'kysely';

/**
 * Téléprocédures ("Mes demandes") and justificatifs, as the citizen files them and as agents will
 * process them (DESIGN §3):
 * - demande: one numbered instance of a form, its answers as JSON, its status, the person it
 *   concerns, and the revision a draft's saves are checked against (two devices, one draft);
 * - demande_history: every status change (date, author, from → to, comment), never edited;
 * - document: a justificatif on file for a person of the household (or the family), its file kept
 *   under DATA_DIR/uploads with a server-made name, its status and expiry once an agent decides;
 * - demande_document: what each demande needs, type by type, and the document given for it;
 * - hall_day: the days of the salle des fêtes asked for or booked, so a day is asked for once;
 * - town_counter: the town's sequential numbers (demandes), never reused, even after a deletion;
 * - household_resource_version: a counter per household and pulled resource (demandes, …): the
 *   cursor of each pull, raised in the transaction of every change, so an unchanged resource
 *   costs one lookup.
 * Frozen in time: never import today's code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('town_counter')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('household_resource_version')
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		.addColumn('resource', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('household_resource_version_pk', ['household_id', 'resource'])
		.execute();

	await db.schema
		.createTable('demande')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		// The UUID the browser gave the draft: every save, submission or deletion names it.
		.addColumn('client_id', 'text', (c) => c.notNull().unique())
		.addColumn('number', 'integer', (c) => c.notNull().unique())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		// 'fiche-enfant', 'contact-mairie', 'salle-des-fetes', 'mise-a-jour-adresse', …
		.addColumn('form_code', 'text', (c) => c.notNull())
		// 'brouillon', 'envoyee', 'en-cours', 'complement', 'clos', 'refusee'
		.addColumn('status', 'text', (c) => c.notNull())
		// The person concerned when already in the household; the label always (a new child).
		.addColumn('person_id', 'integer', (c) => c.references('person.id'))
		.addColumn('person_label', 'text')
		.addColumn('data_json', 'text', (c) => c.notNull())
		.addColumn('step', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('revision', 'integer', (c) => c.notNull())
		// The device (writer) of the last save, and the revision its run of saves started from.
		.addColumn('writer_id', 'text', (c) => c.notNull())
		.addColumn('writer_base', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.notNull().references('account.id'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'text')
		// The agent who took it (next: the back office).
		.addColumn('assigned_account_id', 'integer', (c) => c.references('account.id'))
		.execute();
	await db.schema
		.createIndex('demande_by_household')
		.on('demande')
		.columns(['household_id', 'number'])
		.execute();
	await db.schema.createIndex('demande_by_status').on('demande').columns(['status', 'number']).execute();

	await db.schema
		.createTable('demande_history')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('demande_id', 'integer', (c) => c.notNull().references('demande.id').onDelete('cascade'))
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('account_id', 'integer', (c) => c.references('account.id'))
		.addColumn('author', 'text', (c) => c.notNull())
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text', (c) => c.notNull())
		.addColumn('comment', 'text')
		.execute();
	await db.schema
		.createIndex('demande_history_by_demande')
		.on('demande_history')
		.columns(['demande_id', 'id'])
		.execute();

	await db.schema
		.createTable('document')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		// The UUID the browser gave the file: an upload sent twice is kept once.
		.addColumn('client_id', 'text', (c) => c.notNull().unique())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		.addColumn('person_id', 'integer', (c) => c.references('person.id'))
		.addColumn('person_label', 'text')
		// 'attestation-caf', 'justificatif-domicile', 'livret-famille', 'assurance-rc', 'piece-jointe'
		.addColumn('type', 'text', (c) => c.notNull())
		// 'a-valider', 'valide', 'invalide'
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('expires_on', 'text')
		.addColumn('reason', 'text')
		.addColumn('stored_name', 'text', (c) => c.notNull().unique())
		.addColumn('original_name', 'text', (c) => c.notNull())
		.addColumn('mime', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('uploaded_at', 'text', (c) => c.notNull())
		.addColumn('uploaded_by', 'integer', (c) => c.notNull().references('account.id'))
		.addColumn('decided_at', 'text')
		.addColumn('decided_by', 'integer', (c) => c.references('account.id'))
		.execute();
	await db.schema
		.createIndex('document_by_household')
		.on('document')
		.columns(['household_id', 'type', 'person_id'])
		.execute();

	await db.schema
		.createTable('demande_document')
		.addColumn('demande_id', 'integer', (c) => c.notNull().references('demande.id').onDelete('cascade'))
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('person_id', 'integer', (c) => c.references('person.id'))
		.addColumn('person_label', 'text')
		.addColumn('document_id', 'integer', (c) => c.references('document.id'))
		.addPrimaryKeyConstraint('demande_document_pk', ['demande_id', 'type'])
		.execute();
	await db.schema
		.createIndex('demande_document_by_document')
		.on('demande_document')
		.column('document_id')
		.execute();

	await db.schema
		.createTable('hall_day')
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('demande_id', 'integer', (c) => c.notNull().references('demande.id').onDelete('cascade'))
		// 'demandee' while the town has not decided, 'reservee' once accepted.
		.addColumn('state', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('hall_day_pk', ['day', 'demande_id'])
		.execute();
}
