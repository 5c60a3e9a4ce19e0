import { Dexie, type EntityTable } from 'dexie';
import type { Catalog } from '../domain/catalog/catalog.ts';

/** A cached copy of a server answer, with when the server gave it. */
export type CachedCatalog = { key: 'catalog'; catalog: Catalog; fetchedAt: string };

/**
 * The browser's own database. Each schema change is a new `version(n)` kept below the older ones
 * (Dexie upgrades the phone's base in order); never edit a shipped version.
 */
export class PortailDatabase extends Dexie {
	cache!: EntityTable<CachedCatalog, 'key'>;

	constructor(name = 'portail-citoyen') {
		super(name);
		this.version(1).stores({ cache: 'key' });
	}
}

let shared: PortailDatabase | null = null;

export function portailDatabase(): PortailDatabase {
	shared ??= new PortailDatabase();
	return shared;
}
