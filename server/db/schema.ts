import type { Generated } from 'kysely';
import type { DocumentStatusCode } from '../../src/lib/domain/documents/document-types.ts';
import type { DemandeStatusCode } from '../../src/lib/domain/requests/status.ts';
import type { AccountRole } from '../../src/lib/domain/accounts/roles.ts';

/** Kysely's view of the database, table by table, as the migrations leave it. */
export type Database = {
	catalog_category: { id: Generated<number>; slug: string; label: string; position: number };
	procedure: {
		id: Generated<number>;
		slug: string;
		label: string;
		summary: string;
		category_id: number | null;
		position: number;
		requires_account: Generated<number>;
		active: Generated<number>;
	};
	news_item: { id: Generated<number>; title: string; body: string; published_on: string; created_at: string };
	activity: {
		code: string;
		group_code: string;
		group_label: string;
		label: string;
		start_time: string;
		end_time: string;
		price_cents: number;
		tariff_label: string;
		runs_on: string;
		capacity: number | null;
		deadline_hour: number;
		position: number;
	};
	school_year: { id: string; zone: string; starts_on: string; ends_on: string };
	calendar_closure: {
		id: Generated<number>;
		school_year_id: string;
		kind: string;
		label: string;
		starts_on: string;
		ends_on: string;
	};
	town_setup: { key: string; done_at: Generated<string> };
	household: { id: Generated<number>; created_at: string; kind: Generated<HouseholdKind> };
	person: {
		id: Generated<number>;
		household_id: number;
		role: PersonRole;
		civilite: string | null;
		sexe: string | null;
		nom_naissance: string;
		nom_usage: string | null;
		prenom: string;
		prenom2: string | null;
		prenom3: string | null;
		date_naissance: string;
		pays_naissance: string;
		commune_naissance: string;
		departement_naissance: string | null;
		created_at: string;
	};
	person_relation: {
		id: Generated<number>;
		household_id: number;
		person_id: number;
		related_person_id: number;
		kind: string;
	};
	address: {
		id: Generated<number>;
		household_id: number;
		name: string;
		country: string;
		city: string;
		postal_code: string;
		street_number: string | null;
		number_complement: string | null;
		street: string;
		street_complement: string | null;
		is_default: number;
		updated_at: string;
	};
	phone: { person_id: number; kind: string; number: string };
	household_social: {
		household_id: number;
		regime: string | null;
		revenu_fiscal_reference_cents: number | null;
		enfants_a_charge: number | null;
		allocataire_person_id: number | null;
		numero_allocataire: string | null;
		quotient: number | null;
		ressources_mensuelles_cents: number | null;
		composition_familiale: string | null;
		quotient_familial: number | null;
		updated_at: string;
	};
	school_enrolment: { person_id: number; school: string; level: string };
	activity_enrolment: { person_id: number; session: string; created_at: string };
	/** Migration 0017: what an accepted fiche enfant keeps besides school and sessions. */
	child_record: {
		person_id: number;
		pai: number;
		situation_familiale: string | null;
		autre_situation: string | null;
		demande_id: number | null;
		updated_at: string;
	};
	child_authorisation: { person_id: number; code: string; granted: number };
	child_contact: {
		id: Generated<number>;
		person_id: number;
		nom: string;
		prenom: string;
		lien: string;
		telephone: string;
		contact_urgence: number;
		autorisee_chercher: number;
	};
	person_contact: { person_id: number; email: string | null; address_json: string | null };
	account: {
		id: Generated<number>;
		username: string;
		email: string;
		password_hash: string;
		person_id: number;
		household_id: number;
		role: AccountRole;
		created_at: string;
		password_changed_at: string;
		disabled_at: Generated<string | null>;
	};
	account_request: {
		id: Generated<number>;
		email: string;
		identity_json: string;
		token_hash: string;
		expires_at: string;
		created_at: string;
	};
	session: {
		id: string;
		account_id: number;
		created_at: string;
		expires_at: string;
		absolute_expires_at: string;
	};
	account_token: {
		token_hash: string;
		purpose: 'password-reset' | 'email-change' | 'agent-activation';
		account_id: number;
		new_email: string | null;
		expires_at: string;
		created_at: string;
	};
	auth_failure: { id: Generated<number>; account_key: string; ip: string; at: string };
	captcha_spent: { signature: string; expires_at: string };
	server_secret: { name: string; value: string };
	reservation: {
		id: Generated<number>;
		household_id: number;
		person_id: number;
		activity_code: string;
		service_date: string;
		created_at: string;
		created_by: number;
	};
	reservation_history: {
		id: Generated<number>;
		household_id: number;
		person_id: number;
		service_date: string;
		activity_code: string;
		action: '+' | '-';
		at: string;
		author: string;
	};
	ledger_entry: {
		id: Generated<number>;
		household_id: number;
		value_date: string;
		recorded_at: string;
		label: string;
		sublabel: string;
		debit_cents: Generated<number>;
		credit_cents: Generated<number>;
		kind: 'presence' | 'annulation' | 'recharge' | 'report';
		person_id: number | null;
		activity_code: string | null;
	};
	applied_mutation: {
		id: string;
		household_id: number;
		account_id: number;
		kind: string;
		result_json: string;
		applied_at: string;
	};
	household_version: { household_id: number; version: number };
	household_stamp: { household_id: number; stamp: number };
	town_stamp: { id: number; stamp: number };
	town_counter: { name: string; value: number };
	household_resource_version: { household_id: number; resource: string; version: number };
	demande: {
		id: Generated<number>;
		client_id: string;
		number: number;
		household_id: number;
		form_code: string;
		status: DemandeStatusCode;
		person_id: number | null;
		person_label: string | null;
		data_json: string;
		step: Generated<number>;
		revision: number;
		writer_id: string;
		writer_base: number;
		created_at: string;
		created_by: number;
		updated_at: string;
		submitted_at: string | null;
		assigned_account_id: number | null;
		/** Folded number, person, family names and e-mails (migration 0012): the queue's search. */
		search_text: Generated<string>;
	};
	demande_history: {
		id: Generated<number>;
		demande_id: number;
		at: string;
		account_id: number | null;
		author: string;
		from_status: DemandeStatusCode | null;
		to_status: DemandeStatusCode;
		comment: string | null;
	};
	document: {
		id: Generated<number>;
		client_id: string;
		household_id: number;
		person_id: number | null;
		person_label: string | null;
		type: string;
		status: DocumentStatusCode;
		expires_on: string | null;
		reason: string | null;
		stored_name: string;
		original_name: string;
		mime: string;
		size: number;
		sha256: string;
		uploaded_at: string;
		uploaded_by: number;
		decided_at: string | null;
		decided_by: number | null;
	};
	demande_document: {
		demande_id: number;
		type: string;
		person_id: number | null;
		person_label: string | null;
		document_id: number | null;
	};
	hall_day: { day: string; demande_id: number; state: 'demandee' | 'reservee' };
	audit_log: {
		id: Generated<number>;
		at: string;
		account_id: number;
		action: string;
		target_type: string;
		target_id: number | null;
		household_id: number | null;
		summary: string;
		before_json: string | null;
		after_json: string | null;
	};
	message_thread: {
		id: Generated<number>;
		household_id: number;
		demande_id: number | null;
		subject: string;
		created_at: string;
		last_message_at: string;
	};
	message: {
		id: Generated<number>;
		thread_id: number;
		household_id: number;
		client_id: string | null;
		author: MessageAuthor;
		account_id: number;
		subject: string;
		body: string;
		created_at: string;
		read_at: string | null;
	};
	demande_note: {
		id: Generated<number>;
		demande_id: number;
		account_id: number;
		body: string;
		created_at: string;
	};
};

/** 'mairie': the one household of the agents' persons (migration 0011), never shown as a family. */
export type HouseholdKind = 'famille' | 'mairie';
export type MessageAuthor = 'mairie' | 'famille';

export type PersonRole = 'titulaire' | 'adulte' | 'enfant';
