import type { Kysely } from 'kysely';

/**
 * Accounts, sessions and the household (foyer) with its persons, addresses, phones and social data.
 * Frozen in time: never import today's code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('household')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('person')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		// 'titulaire' (the account holder), 'adulte' or 'enfant'.
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('civilite', 'text')
		.addColumn('sexe', 'text')
		.addColumn('nom_naissance', 'text', (c) => c.notNull())
		.addColumn('nom_usage', 'text')
		.addColumn('prenom', 'text', (c) => c.notNull())
		.addColumn('prenom2', 'text')
		.addColumn('prenom3', 'text')
		.addColumn('date_naissance', 'text', (c) => c.notNull())
		.addColumn('pays_naissance', 'text', (c) => c.notNull())
		.addColumn('commune_naissance', 'text', (c) => c.notNull())
		.addColumn('departement_naissance', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('person_by_household').on('person').column('household_id').execute();

	await db.schema
		.createTable('person_relation')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
		.addColumn('related_person_id', 'integer', (c) => c.notNull().references('person.id'))
		// What person_id is to related_person_id: 'pere', 'mere', 'responsable-legal', 'conjoint'.
		.addColumn('kind', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('address')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('country', 'text', (c) => c.notNull())
		.addColumn('city', 'text', (c) => c.notNull())
		.addColumn('postal_code', 'text', (c) => c.notNull())
		.addColumn('street_number', 'text')
		.addColumn('number_complement', 'text')
		.addColumn('street', 'text', (c) => c.notNull())
		.addColumn('street_complement', 'text')
		.addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('address_by_household').on('address').column('household_id').execute();

	await db.schema
		.createTable('phone')
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
		// 'fixe', 'portable' or 'professionnel'.
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('number', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('phone_pk', ['person_id', 'kind'])
		.execute();

	await db.schema
		.createTable('household_social')
		.addColumn('household_id', 'integer', (c) => c.primaryKey().references('household.id'))
		.addColumn('regime', 'text')
		.addColumn('revenu_fiscal_reference_cents', 'integer')
		.addColumn('enfants_a_charge', 'integer')
		.addColumn('allocataire_person_id', 'integer', (c) => c.references('person.id'))
		.addColumn('numero_allocataire', 'text')
		.addColumn('quotient', 'integer')
		.addColumn('ressources_mensuelles_cents', 'integer')
		.addColumn('composition_familiale', 'text')
		.addColumn('quotient_familial', 'integer')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('school_enrolment')
		.addColumn('person_id', 'integer', (c) => c.primaryKey().references('person.id'))
		.addColumn('school', 'text', (c) => c.notNull())
		.addColumn('level', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('activity_enrolment')
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
		// 'restauration-scolaire', 'garderie' or 'centre-de-loisirs' (the fiche enfant's sessions).
		.addColumn('session', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('activity_enrolment_pk', ['person_id', 'session'])
		.execute();

	await db.schema
		.createTable('account')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('username', 'text', (c) => c.notNull().unique())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('person_id', 'integer', (c) => c.notNull().unique().references('person.id'))
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id'))
		// 'citizen' or 'agent'.
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('password_changed_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('account_request')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('identity_json', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('session')
		// SHA-256 of the token, hex: the token itself is only ever in the browser's cookie.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('absolute_expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('session_by_account').on('session').column('account_id').execute();

	await db.schema
		.createTable('account_token')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		// 'password-reset' or 'email-change'.
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
		.addColumn('new_email', 'text')
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('auth_failure')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('account_key', 'text', (c) => c.notNull())
		.addColumn('ip', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('auth_failure_by_account')
		.on('auth_failure')
		.columns(['account_key', 'at'])
		.execute();
	await db.schema.createIndex('auth_failure_by_ip').on('auth_failure').columns(['ip', 'at']).execute();

	await db.schema
		.createTable('captcha_spent')
		.addColumn('signature', 'text', (c) => c.primaryKey())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('server_secret')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();
}
