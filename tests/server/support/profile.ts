import type { AddressInput } from '../../../src/lib/domain/profile/address.ts';
import type { Profile } from '../../../src/lib/domain/profile/profile.ts';
import { registerCitizen } from './accounts.ts';
import { json, TestClient } from './http-client.ts';
import { testApp, type TestCtx } from './test-app.ts';

export const HOME: AddressInput = {
	name: 'Maison',
	country: 'France',
	city: 'Hesdigneul-lès-Boulogne',
	postalCode: '62360',
	streetNumber: '12',
	street: 'Rue des Buissons Fleuris'
};
export const WORK: AddressInput = { ...HOME, name: 'Travail', city: 'Boulogne-sur-Mer', postalCode: '62200' };

/** A portal where Pascal has just created his account; `client` is signed in as him. */
export async function withSignedInPascal(): Promise<{ ctx: TestCtx; client: TestClient }> {
	const ctx = await testApp();
	const client = new TestClient(ctx.app);
	await registerCitizen(ctx, client);
	return { ctx, client };
}

export const profileOf = async (client: TestClient) => json<Profile>(await client.get('/api/profile'));
