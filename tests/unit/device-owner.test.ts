import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
	adoptAccount,
	forgetSession,
	signedInOwner,
	wipeDevice
} from '../../src/lib/accounts/device-owner.ts';
import type { PortailDatabase } from '../../src/lib/offline/database.ts';
import { deviceDatabases } from './support-device-databases.ts';

const PASCAL = { identifiant: 'pascal.dupin', prenom: 'Pascal', nom: 'DUPIN', role: 'citizen' as const };
const CLAIRE = { identifiant: 'claire.martin', prenom: 'Claire', nom: 'MARTIN', role: 'citizen' as const };

const databases = deviceDatabases('owner');

/** Pascal's household on the device: his agenda, a booking waiting, a rejection unread. */
async function pascalsDevice(db: PortailDatabase) {
	await adoptAccount(db, PASCAL);
	await db.agenda.put({
		key: 'agenda',
		snapshot: { persons: [] } as never,
		fetchedAt: '2026-11-30T08:00:00Z'
	});
	await db.outbox.add({
		id: 'a',
		kind: 'reservation.create.v1',
		payload: {},
		createdAt: '2026-11-30T08:00:00Z'
	});
	await db.outcomes.put({
		id: 'b',
		kind: 'reservation.create.v1',
		payload: {},
		status: 'rejected',
		at: '2026-11-30T08:00:00Z'
	});
	await db.cache.put({ key: 'catalog', catalog: {} as never, fetchedAt: '2026-11-30T08:00:00Z' });
}

const personal = async (db: PortailDatabase) => ({
	agenda: await db.agenda.count(),
	outbox: await db.outbox.count(),
	outcomes: await db.outcomes.count()
});

describe('the account whose data the device holds', () => {
	it('another account signing in wipes the previous household first, keeping the public catalogue', async () => {
		const db = databases.fresh();
		await pascalsDevice(db);
		expect(await adoptAccount(db, CLAIRE)).toBe(true);
		expect(await personal(db)).toEqual({ agenda: 0, outbox: 0, outcomes: 0 });
		expect((await db.account.get('current'))?.account.identifiant).toBe('claire.martin');
		expect(await db.cache.count()).toBe(1);
	});

	it('the same account signing in again keeps its waiting changes, even after its session expired', async () => {
		const db = databases.fresh();
		await pascalsDevice(db);
		await forgetSession(db);
		expect(await signedInOwner(db)).toBeNull();
		expect(await adoptAccount(db, PASCAL)).toBe(false);
		expect(await personal(db)).toEqual({ agenda: 1, outbox: 1, outcomes: 1 });
		expect(await signedInOwner(db)).toEqual(PASCAL);
	});

	it('data of no known account is not handed to the one signing in', async () => {
		const db = databases.fresh();
		await db.outbox.add({
			id: 'x',
			kind: 'reservation.create.v1',
			payload: {},
			createdAt: '2026-11-30T08:00:00Z'
		});
		expect(await adoptAccount(db, CLAIRE)).toBe(true);
		expect(await db.outbox.count()).toBe(0);
	});

	it('sign-out leaves nothing of the household', async () => {
		const db = databases.fresh();
		await pascalsDevice(db);
		await wipeDevice(db);
		expect(await personal(db)).toEqual({ agenda: 0, outbox: 0, outcomes: 0 });
		expect(await db.account.count()).toBe(0);
		expect(await db.cache.count()).toBe(1);
	});
});
