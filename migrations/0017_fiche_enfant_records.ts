import type { Kysely } from 'kysely';

/**
 * What an accepted fiche enfant keeps beyond the person, his school and his sessions (issue 10):
 * - child_record: the PAI flag and the responsable's situation familiale as the fiche declared them;
 * - child_authorisation: each "Autorisation globale" answered oui (1) or non (0), by code;
 * - child_contact: the other persons to contact in an emergency and/or allowed to fetch the child
 *   (at most 10 a fiche), replaced as a whole by the next accepted fiche;
 * - person_contact: the e-mail and own address of an adult without an account (a conjoint living
 *   elsewhere), which person and address cannot hold.
 * All keyed by the person, deleted with him.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('child_record')
		.addColumn('person_id', 'integer', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
		.addColumn('pai', 'integer', (c) => c.notNull())
		.addColumn('situation_familiale', 'text')
		.addColumn('autre_situation', 'text')
		.addColumn('demande_id', 'integer', (c) => c.references('demande.id'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('child_authorisation')
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('granted', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('child_authorisation_pk', ['person_id', 'code'])
		.execute();
	await db.schema
		.createTable('child_contact')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('nom', 'text', (c) => c.notNull())
		.addColumn('prenom', 'text', (c) => c.notNull())
		.addColumn('lien', 'text', (c) => c.notNull())
		.addColumn('telephone', 'text', (c) => c.notNull())
		.addColumn('contact_urgence', 'integer', (c) => c.notNull())
		.addColumn('autorisee_chercher', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('child_contact_by_person').on('child_contact').column('person_id').execute();
	await db.schema
		.createTable('person_contact')
		.addColumn('person_id', 'integer', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
		.addColumn('email', 'text')
		.addColumn('address_json', 'text')
		.execute();
}
