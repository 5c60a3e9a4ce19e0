import type { Migration } from 'kysely';
import * as m0001 from './0001_catalog_and_calendar.ts';
import * as m0002 from './0002_accounts_and_households.ts';
import * as m0003 from './0003_agenda_billing_sync.ts';
import * as m0004 from './0004_pull_stamps.ts';
import * as m0005 from './0005_expiry_indexes.ts';
import * as m0006 from './0006_replace_stamps_and_ledger_index.ts';
import * as m0008 from './0008_history_bound_and_day_budget.ts';
import * as m0009 from './0009_requests_and_documents.ts';
import * as m0010 from './0010_demande_day_budget.ts';
import * as m0011 from './0011_backoffice_and_messages.ts';
import * as m0012 from './0012_demande_search.ts';
import * as m0014 from './0014_document_queue_index.ts';
import * as m0015 from './0015_message_day_budget.ts';
import * as m0016 from './0016_backoffice_counts_indexes.ts';
import * as m0017 from './0017_fiche_enfant_records.ts';

/**
 * Every migration, imported explicitly (no file-system scan) so the list is the same however the
 * server is started or bundled. Names sort in the order they apply; never rename or edit one that
 * has shipped: add the next.
 */
export const migrations: Record<string, Migration> = {
	'0001_catalog_and_calendar': m0001,
	'0002_accounts_and_households': m0002,
	'0003_agenda_billing_sync': m0003,
	'0004_pull_stamps': m0004,
	'0005_expiry_indexes': m0005,
	'0006_replace_stamps_and_ledger_index': m0006,
	'0008_history_bound_and_day_budget': m0008,
	'0009_requests_and_documents': m0009,
	'0010_demande_day_budget': m0010,
	'0011_backoffice_and_messages': m0011,
	'0012_demande_search': m0012,
	'0014_document_queue_index': m0014,
	'0015_message_day_budget': m0015,
	'0016_backoffice_counts_indexes': m0016,
	'0017_fiche_enfant_records': m0017
};
