import { parseCatalog } from '../domain/catalog/catalog.ts';
import type { CachedCatalog } from './database.ts';
import { readCachedCatalog, saveCatalog, type CatalogShelf } from './catalog-shelf.ts';

export { readCachedCatalog } from './catalog-shelf.ts';

export type RefreshResult =
	| { source: 'server'; entry: CachedCatalog }
	| { source: 'cache'; entry: CachedCatalog | null; error: unknown };

/**
 * Asks the server for the catalogue and keeps it for offline use. A failed or malformed answer never
 * replaces a good copy: the page then shows the cached one and says since when it dates.
 */
export async function refreshCatalog(
	shelf: CatalogShelf | null,
	fetchCatalog: () => Promise<unknown>,
	now: () => Date = () => new Date()
): Promise<RefreshResult> {
	try {
		const catalog = parseCatalog(await fetchCatalog());
		return { source: 'server', entry: saveCatalog(shelf, catalog, now()) };
	} catch (error) {
		return { source: 'cache', entry: readCachedCatalog(shelf), error };
	}
}
