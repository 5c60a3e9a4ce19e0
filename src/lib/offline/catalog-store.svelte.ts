import { answer, api } from '../api/client.ts';
import type { Catalog } from '../domain/catalog/catalog.ts';
import { browserShelf, readCachedCatalog } from './catalog-shelf.ts';

/**
 * The catalogue and news as the pages see them: the offline copy at once, then the server's answer
 * when it comes. `offlineSince` is set when the server could not be reached and a copy is shown.
 * The answer's check and the offline copy's writing load beside the request, and neither waits
 * for the other.
 */
class CatalogStore {
	catalog = $state<Catalog | null>(readCachedCatalog(browserShelf())?.catalog ?? null);
	status = $state<'loading' | 'ready' | 'unavailable'>(this.catalog ? 'ready' : 'loading');
	offlineSince = $state<string | null>(null);
	#started = false;

	async load(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		const shelf = browserShelf();
		const fetching = answer(api.catalog.$get());
		// Awaited by refreshCatalog below; a failure meanwhile is not an unhandled rejection.
		fetching.catch(() => undefined);
		const result = await import('./catalog-cache.ts').then(
			({ refreshCatalog }) => refreshCatalog(shelf, () => fetching),
			(error: unknown) => ({ source: 'cache' as const, entry: readCachedCatalog(shelf), error })
		);
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
