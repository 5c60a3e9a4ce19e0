import { describe, expect, it } from 'vitest';
import { readCachedCatalog, refreshCatalog } from '../../src/lib/offline/catalog-cache.ts';
import type { CatalogShelf } from '../../src/lib/offline/catalog-shelf.ts';
import { SMALL_CATALOG } from './support-catalog.ts';

const catalog = SMALL_CATALOG;

/** A browser's localStorage, as a map that outlives the shelf reading it (a reload of the page). */
function memoryShelf(kept = new Map<string, string>()): CatalogShelf & { kept: Map<string, string> } {
	return {
		kept,
		getItem: (key) => kept.get(key) ?? null,
		setItem: (key, value) => void kept.set(key, value)
	};
}
const shelves = {
	fresh: () => memoryShelf(),
	reopen: (kept: Map<string, string>) => memoryShelf(kept)
};

describe('catalogue cache (localStorage)', () => {
	it('is empty before the first visit', async () => {
		expect(readCachedCatalog(shelves.fresh())).toBeNull();
	});

	it('keeps what the server answered, with the time it answered', async () => {
		const db = shelves.fresh();
		const result = await refreshCatalog(
			db,
			async () => catalog,
			() => new Date('2026-11-28T09:00:00Z')
		);
		expect(result.source).toBe('server');
		const cached = readCachedCatalog(db);
		expect(cached?.catalog).toEqual(catalog);
		expect(cached?.fetchedAt).toBe('2026-11-28T09:00:00.000Z');
	});

	it('survives reopening the database (a reload of the page)', async () => {
		const db = shelves.fresh();
		await refreshCatalog(db, async () => catalog);
		const reopened = shelves.reopen(db.kept);
		expect(readCachedCatalog(reopened)?.catalog.news[0]?.title).toBe('Bienvenue');
	});

	it('serves the cached copy when the server cannot be reached', async () => {
		const db = shelves.fresh();
		await refreshCatalog(
			db,
			async () => catalog,
			() => new Date('2026-11-27T08:00:00Z')
		);
		const offline = await refreshCatalog(db, async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(offline.source).toBe('cache');
		expect(offline.entry?.catalog).toEqual(catalog);
		expect(offline.entry?.fetchedAt).toBe('2026-11-27T08:00:00.000Z');
	});

	it('never replaces a good copy with a malformed answer', async () => {
		const db = shelves.fresh();
		await refreshCatalog(db, async () => catalog);
		const result = await refreshCatalog(db, async () => ({ town: 'oops' }));
		expect(result.source).toBe('cache');
		expect(readCachedCatalog(db)?.catalog).toEqual(catalog);
	});

	it('says there is nothing when offline on a first visit', async () => {
		const result = await refreshCatalog(shelves.fresh(), async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(result).toMatchObject({ source: 'cache', entry: null });
	});
});
