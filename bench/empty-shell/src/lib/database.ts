import { Dexie, type EntityTable } from 'dexie';

type Visit = { id?: number; at: string };

/** A Dexie database opened and read before the page shows its content, as the portal's pages do. */
export async function countVisits(): Promise<number> {
	const db = new Dexie('coquille-vide') as Dexie & { visits: EntityTable<Visit, 'id'> };
	db.version(1).stores({ visits: '++id' });
	await db.visits.add({ at: new Date().toISOString() });
	return db.visits.count();
}
