import { sql, type Kysely } from 'kysely';

/**
 * The town hall's side (issue 10):
 * - household.kind: 'famille', or 'mairie' for the one household that holds the agents' persons.
 *   Agents are accounts like the families' (one sign-in page, one session table, the same links by
 *   e-mail), with role 'agent' or 'administrateur'; the town's household keeps them apart from
 *   every family's data, and no family screen or search lists it.
 * - account.disabled_at: an administrator disabled the agent; sign-in refused, sessions ended.
 * - audit_log: every agent action (who, what, when, which record, before → after), written in the
 *   action's transaction and never changed: triggers refuse any UPDATE or DELETE.
 * - message_thread / message: the "Échanges" between the town and a family. A demande has at most
 *   one thread; a message the town writes from Familles without a demande opens its own thread.
 *   `read_at` is when the recipient (the family for the town's messages, the agents for the
 *   family's) opened it. A family's answer carries the UUID its browser gave it (offline outbox).
 * - demande_note: the agents' private annotations on a demande, never shown to the family.
 * Frozen in time: never import today's code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('household')
		.addColumn('kind', 'text', (c) => c.notNull().defaultTo('famille'))
		.execute();
	await db.schema.alterTable('account').addColumn('disabled_at', 'text').execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
		// 'demande.prendre', 'demande.accepter', 'document.valider', 'agent.inviter', …
		.addColumn('action', 'text', (c) => c.notNull())
		// 'demande', 'document', 'account', 'household', 'message', …, and its id.
		.addColumn('target_type', 'text', (c) => c.notNull())
		.addColumn('target_id', 'integer')
		.addColumn('household_id', 'integer', (c) => c.references('household.id'))
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('before_json', 'text')
		.addColumn('after_json', 'text')
		.execute();
	await db.schema.createIndex('audit_log_by_at').on('audit_log').column('at').execute();
	await db.schema.createIndex('audit_log_by_account').on('audit_log').columns(['account_id', 'id']).execute();
	await db.schema
		.createIndex('audit_log_by_target')
		.on('audit_log')
		.columns(['target_type', 'target_id', 'id'])
		.execute();
	await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
		BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
	await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
		BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);

	await db.schema
		.createTable('message_thread')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		.addColumn('demande_id', 'integer', (c) => c.unique().references('demande.id').onDelete('cascade'))
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_message_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('message_thread_by_household')
		.on('message_thread')
		.columns(['household_id', 'last_message_at'])
		.execute();

	await db.schema
		.createTable('message')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('thread_id', 'integer', (c) => c.notNull().references('message_thread.id').onDelete('cascade'))
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		// The browser's UUID of a family's answer (sent from the outbox, applied once); null for the town's.
		.addColumn('client_id', 'text', (c) => c.unique())
		// 'mairie' or 'famille'.
		.addColumn('author', 'text', (c) => c.notNull())
		.addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('read_at', 'text')
		.execute();
	await db.schema.createIndex('message_by_thread').on('message').columns(['thread_id', 'id']).execute();
	await db.schema
		.createIndex('message_by_household')
		.on('message')
		.columns(['household_id', 'author', 'read_at'])
		.execute();
	// The agents' "messages non lus": the families' answers nobody at the town hall opened yet.
	await db.schema
		.createIndex('message_unread_by_town')
		.on('message')
		.column('id')
		.where(sql.ref('author'), '=', 'famille')
		.where(sql.ref('read_at'), 'is', null)
		.execute();

	await db.schema
		.createTable('demande_note')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('demande_id', 'integer', (c) => c.notNull().references('demande.id').onDelete('cascade'))
		.addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('demande_note_by_demande')
		.on('demande_note')
		.columns(['demande_id', 'id'])
		.execute();
}
