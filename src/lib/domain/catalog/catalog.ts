/**
 * What GET /api/catalog answers, and what the browser keeps offline. Checked by hand rather than
 * with zod: the home page reads it, and a visitor's first load then carries no validation library
 * (issue 11). Unknown fields are dropped, as zod's objects do.
 */
export type Procedure = {
	slug: string;
	label: string;
	summary: string;
	categorySlug: string | null;
	requiresAccount: boolean;
	/** Whether it can be done on the portal today (see online.ts). Absent in a copy kept offline by an older version. */
	online?: boolean;
};
export type Category = { slug: string; label: string };
export type NewsItem = { id: number; title: string; body: string; publishedOn: string };
export type Catalog = {
	town: { name: string };
	categories: Category[];
	procedures: Procedure[];
	news: NewsItem[];
};

/** A catalogue answer that is not one: the page keeps the copy it has. */
export class MalformedCatalog extends Error {
	constructor(where: string) {
		super(`Catalogue illisible : ${where}`);
		this.name = 'MalformedCatalog';
	}
}

type Fields = Record<string, unknown>;

function record(value: unknown, where: string): Fields {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedCatalog(where);
	return value as Fields;
}
function text(value: unknown, where: string): string {
	if (typeof value !== 'string') throw new MalformedCatalog(where);
	return value;
}
function list<T>(value: unknown, where: string, item: (v: unknown, where: string) => T): T[] {
	if (!Array.isArray(value)) throw new MalformedCatalog(where);
	return value.map((v, i) => item(v, `${where}[${i}]`));
}
/** A calendar day written YYYY-MM-DD that exists (what z.iso.date() accepts). */
function day(value: unknown, where: string): string {
	const s = text(value, where);
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
	if (!date || date.toISOString().slice(0, 10) !== s) throw new MalformedCatalog(where);
	return s;
}

function procedure(value: unknown, where: string): Procedure {
	const p = record(value, where);
	if (p.categorySlug !== null && typeof p.categorySlug !== 'string')
		throw new MalformedCatalog(`${where}.categorySlug`);
	if (typeof p.requiresAccount !== 'boolean') throw new MalformedCatalog(`${where}.requiresAccount`);
	if (p.online !== undefined && typeof p.online !== 'boolean') throw new MalformedCatalog(`${where}.online`);
	return {
		slug: text(p.slug, `${where}.slug`),
		label: text(p.label, `${where}.label`),
		summary: text(p.summary, `${where}.summary`),
		categorySlug: p.categorySlug,
		requiresAccount: p.requiresAccount,
		...(p.online === undefined ? {} : { online: p.online })
	};
}

function category(value: unknown, where: string): Category {
	const c = record(value, where);
	return { slug: text(c.slug, `${where}.slug`), label: text(c.label, `${where}.label`) };
}

function newsItem(value: unknown, where: string): NewsItem {
	const n = record(value, where);
	if (!Number.isSafeInteger(n.id)) throw new MalformedCatalog(`${where}.id`);
	return {
		id: n.id as number,
		title: text(n.title, `${where}.title`),
		body: text(n.body, `${where}.body`),
		publishedOn: day(n.publishedOn, `${where}.publishedOn`)
	};
}

/** The catalogue in `value`, or MalformedCatalog saying where it is not one. */
export function parseCatalog(value: unknown): Catalog {
	const c = record(value, 'réponse');
	return {
		town: { name: text(record(c.town, 'town').name, 'town.name') },
		categories: list(c.categories, 'categories', category),
		procedures: list(c.procedures, 'procedures', procedure),
		news: list(c.news, 'news', newsItem)
	};
}
