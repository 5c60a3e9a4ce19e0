import type { Generated } from 'kysely';

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
};
