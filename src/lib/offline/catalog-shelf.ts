import type { Catalog } from '../domain/catalog/catalog.ts';
import type { CachedCatalog } from './database.ts';

/**
 * Where the catalogue's offline copy lives: localStorage, not Dexie. It is a small public answer,
 * read at once at start (the header's town name, the home page's démarches), and the public pages
 * then need no IndexedDB code at all: Dexie is downloaded for a signed-in family only.
 */
export type CatalogShelf = Pick<Storage, 'getItem' | 'setItem'>;

const KEY = 'portail.catalogue';

/** The browser's shelf; null where there is none (tests, a browser refusing storage). */
export function browserShelf(): CatalogShelf | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export function readCachedCatalog(shelf: CatalogShelf | null): CachedCatalog | null {
	try {
		const kept = shelf?.getItem(KEY);
		return kept ? (JSON.parse(kept) as CachedCatalog) : null;
	} catch {
		return null;
	}
}

export function saveCatalog(shelf: CatalogShelf | null, catalog: Catalog, fetchedAt: Date): CachedCatalog {
	const entry: CachedCatalog = { key: 'catalog', catalog, fetchedAt: fetchedAt.toISOString() };
	try {
		shelf?.setItem(KEY, JSON.stringify(entry));
	} catch {
		// A full or refused storage: the page shows the server's answer, just not offline next time.
	}
	return entry;
}
