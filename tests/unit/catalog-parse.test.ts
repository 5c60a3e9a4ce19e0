import { describe, expect, it } from 'vitest';
import { MalformedCatalog, parseCatalog, type Catalog } from '../../src/lib/domain/catalog/catalog.ts';
import { SMALL_CATALOG } from './support-catalog.ts';

const good: Catalog = {
	...SMALL_CATALOG,
	procedures: [
		{ ...SMALL_CATALOG.procedures[0]!, online: true },
		{ slug: 'etat-civil', label: 'État civil', summary: 'Actes', categorySlug: null, requiresAccount: false }
	]
};

/** Any shape at all: what a broken or hostile server could answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is to break the type
type Anything = Record<string, any>;

/** `good` with one change made by `edit` (on a deep copy). */
function changed(edit: (c: Anything) => void): unknown {
	const copy = structuredClone(good) as Anything;
	edit(copy);
	return copy;
}

describe('the catalogue answer, checked without zod', () => {
	it('takes a well-formed answer as it is, an older copy without « online » too', () => {
		expect(parseCatalog(structuredClone(good))).toEqual(good);
		expect(parseCatalog(good).procedures[1]).not.toHaveProperty('online');
	});

	it('drops the fields it does not know, at every level', () => {
		const parsed = parseCatalog(
			changed((c) => {
				c.extra = 1;
				c.town.mayor = 'x';
				c.procedures[0].secret = 'y';
				c.news[0].html = '<b>';
			})
		);
		expect(parsed).toEqual(good);
	});

	it.each([
		['not an object', () => 'oops'],
		['an array', () => []],
		['the town without a name', () => changed((c) => (c.town = {}))],
		['categories not a list', () => changed((c) => (c.categories = { 0: good.categories[0] }))],
		['a procedure without its slug', () => changed((c) => delete c.procedures[0].slug)],
		['a category slug that is a number', () => changed((c) => (c.procedures[0].categorySlug = 3))],
		['requiresAccount as a string', () => changed((c) => (c.procedures[0].requiresAccount = 'true'))],
		['online as a string', () => changed((c) => (c.procedures[0].online = 'oui'))],
		['a news id that is not an integer', () => changed((c) => (c.news[0].id = 1.5))],
		['a news day that does not exist', () => changed((c) => (c.news[0].publishedOn = '2026-02-30'))],
		['a news day in another format', () => changed((c) => (c.news[0].publishedOn = '28/02/2026'))],
		['news missing', () => changed((c) => delete c.news)]
	])('refuses %s, saying where', (_, value) => {
		expect(() => parseCatalog(value())).toThrow(MalformedCatalog);
	});
});
