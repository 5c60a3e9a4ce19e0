// The test file imports fake-indexeddb/auto first: modules may look for IndexedDB as they load.
import { afterEach } from 'vitest';
import { PortailDatabase } from '../../src/lib/offline/database.ts';

/**
 * The device's databases a test file opens (fake-indexeddb): each `fresh()` one new and empty,
 * `reopen(name)` one already made, as after a reload. All are closed, then deleted, after each test.
 */
export function deviceDatabases(prefix: string) {
	let counter = 0;
	const opened: PortailDatabase[] = [];
	const track = (db: PortailDatabase) => (opened.push(db), db);
	afterEach(async () => {
		// All closed before any is deleted: a reopened copy still open would make Dexie warn.
		const closing = opened.splice(0);
		for (const db of closing) db.close();
		for (const db of closing) await db.delete();
	});
	return {
		fresh: () => track(new PortailDatabase(`${prefix}-${++counter}`)),
		reopen: (name: string) => track(new PortailDatabase(name))
	};
}
