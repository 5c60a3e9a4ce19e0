import { catalogStore } from '../offline/catalog-store.svelte.ts';
import { townNameFromPage } from './town.ts';

const fromPage = typeof document === 'undefined' ? null : townNameFromPage();

/** The name shown in the header and titles: the page's own, else the catalogue's. */
export function townName(): string {
	return fromPage ?? catalogStore.catalog?.town.name ?? '';
}
