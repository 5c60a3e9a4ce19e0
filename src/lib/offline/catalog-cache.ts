import { catalogSchema, type Catalog } from '../domain/catalog/catalog.ts';
import type { CachedCatalog, PortailDatabase } from './database.ts';

export async function readCachedCatalog(db: PortailDatabase): Promise<CachedCatalog | null> {
	return (await db.cache.get('catalog')) ?? null;
}

export async function saveCatalog(
	db: PortailDatabase,
	catalog: Catalog,
	fetchedAt: Date
): Promise<CachedCatalog> {
	const entry: CachedCatalog = { key: 'catalog', catalog, fetchedAt: fetchedAt.toISOString() };
	await db.cache.put(entry);
	return entry;
}

export type RefreshResult =
	| { source: 'server'; entry: CachedCatalog }
	| { source: 'cache'; entry: CachedCatalog | null; error: unknown };

/**
 * Asks the server for the catalogue and keeps it for offline use. A failed or malformed answer never
 * replaces a good copy: the page then shows the cached one and says since when it dates.
 */
export async function refreshCatalog(
	db: PortailDatabase,
	fetchCatalog: () => Promise<unknown>,
	now: () => Date = () => new Date()
): Promise<RefreshResult> {
	try {
		const catalog = catalogSchema.parse(await fetchCatalog());
		return { source: 'server', entry: await saveCatalog(db, catalog, now()) };
	} catch (error) {
		return { source: 'cache', entry: await readCachedCatalog(db), error };
	}
}
