/** The device's IndexedDB database (src/lib/offline/database.ts), named without loading Dexie. */
export const DATABASE_NAME = 'portail-citoyen';

/**
 * Whether the device may hold the portal's database: false only when the browser lists its
 * databases and this one is not among them (a visitor who never signed in here), so that the
 * public pages need not load Dexie to learn that there is nothing to forget.
 */
export async function databaseMayExist(): Promise<boolean> {
	if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
	try {
		return (await indexedDB.databases()).some((d) => d.name === DATABASE_NAME);
	} catch {
		return true;
	}
}
