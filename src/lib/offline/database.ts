import { Dexie, type EntityTable } from 'dexie';
import type { Catalog } from '../domain/catalog/catalog.ts';

/** A cached copy of a server answer, with when the server gave it. */
export type CachedCatalog = { key: 'catalog'; catalog: Catalog; fetchedAt: string };

/** The signed-in account as the server last described it. */
export type StoredAccount = {
	key: 'current';
	account: { identifiant: string; prenom: string; nom: string; role: 'citizen' | 'agent' };
};

/**
 * The browser's own database. Each schema change is a new `version(n)` kept below the older ones
 * (Dexie upgrades the phone's base in order); never edit a shipped version.
 */
export class PortailDatabase extends Dexie {
	cache!: EntityTable<CachedCatalog, 'key'>;
	account!: EntityTable<StoredAccount, 'key'>;

	constructor(name = 'portail-citoyen') {
		super(name);
		this.version(1).stores({ cache: 'key' });
		this.version(2).stores({ account: 'key' });
	}
}

/**
 * Signing out wipes everything of the household from the device; only public data (the catalogue)
 * stays, so the home page still opens offline.
 */
export async function clearPersonalData(db: PortailDatabase): Promise<void> {
	await db.transaction('rw', db.tables, async () => {
		for (const table of db.tables) if (table.name !== 'cache') await table.clear();
	});
}

let shared: PortailDatabase | null = null;

export function portailDatabase(): PortailDatabase {
	shared ??= new PortailDatabase();
	return shared;
}
