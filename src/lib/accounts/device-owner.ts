import { clearPersonalData, type PortailDatabase, type StoredAccount } from '../offline/database.ts';

type Account = StoredAccount['account'];

/** Tables that hold a household's data: everything but the public catalogue. */
const personalTables = (db: PortailDatabase) => db.tables.filter((t) => t.name !== 'cache');

/**
 * The server says `account` is signed in. If the device holds another account's data (or data of
 * no known account), it is wiped first, in the same transaction as the new owner is written: no
 * screen shows it, and no sync pushes another household's waiting changes under this session.
 * Returns whether anything was wiped.
 */
export async function adoptAccount(db: PortailDatabase, account: Account): Promise<boolean> {
	return db.transaction('rw', personalTables(db), async () => {
		const owner = await db.account.get('current');
		let wipe = owner ? owner.account.identifiant !== account.identifiant : false;
		if (!owner) {
			// Data left by no known account (written before the owner was recorded): not this one's.
			for (const table of personalTables(db)) if ((await table.count()) > 0) wipe = true;
		}
		if (wipe) for (const table of personalTables(db)) await table.clear();
		await db.account.put({ key: 'current', account, signedIn: true });
		return wipe;
	});
}

/**
 * The server says nobody is signed in (the session expired or ended elsewhere). The owner's
 * waiting changes stay, to be sent if the same person signs in again; nothing is shown meanwhile.
 */
export async function forgetSession(db: PortailDatabase): Promise<void> {
	const owner = await db.account.get('current');
	if (owner && owner.signedIn !== false) await db.account.put({ ...owner, signedIn: false });
}

/** Offline, the account last known signed in on this device, if it still is. */
export async function signedInOwner(db: PortailDatabase): Promise<Account | null> {
	const owner = await db.account.get('current');
	return owner && owner.signedIn !== false ? owner.account : null;
}

/** "Déconnexion": nothing of the household stays on the device. */
export function wipeDevice(db: PortailDatabase): Promise<void> {
	return clearPersonalData(db);
}
