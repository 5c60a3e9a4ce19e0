import { answer, api } from '../api/client.ts';
import type { Catalog } from '../domain/catalog/catalog.ts';
import { readCachedCatalog, refreshCatalog } from './catalog-cache.ts';
import { portailDatabase } from './database.ts';

/**
 * The catalogue and news as the pages see them: the offline copy at once, then the server's answer
 * when it comes. `offlineSince` is set when the server could not be reached and a copy is shown.
 */
class CatalogStore {
	catalog = $state<Catalog | null>(null);
	status = $state<'loading' | 'ready' | 'unavailable'>('loading');
	offlineSince = $state<string | null>(null);
	#started = false;

	async load(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		const db = portailDatabase();
		const cached = await readCachedCatalog(db).catch(() => null);
		if (cached && !this.catalog) {
			this.catalog = cached.catalog;
			this.status = 'ready';
		}
		const result = await refreshCatalog(db, () => answer(api.catalog.$get()));
		if (result.source === 'server') {
			this.catalog = result.entry.catalog;
			this.offlineSince = null;
			this.status = 'ready';
		} else {
			this.offlineSince = result.entry?.fetchedAt ?? null;
			this.status = result.entry ? 'ready' : 'unavailable';
			if (result.entry) this.catalog = result.entry.catalog;
			// Allow a later retry (the `online` event, or the next visit of the page).
			this.#started = false;
		}
	}
}

export const catalogStore = new CatalogStore();
