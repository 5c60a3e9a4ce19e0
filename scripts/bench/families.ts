import { createSession, sessionCookieName } from '../../server/accounts/sessions.ts';
import type { AppDeps } from '../../server/deps.ts';
import { addChild, createHouseholdWithTitulaire } from '../../server/profile/household-service.ts';
import { SYNC_SCHEMA_VERSION } from '../../src/lib/domain/sync/protocol.ts';
import { PUBLIC_URL } from './town.ts';

export type Family = { householdId: number; accountId: number; childIds: number[]; cookie: string };

const PRENOMS = ['Emma', 'Louis', 'Jade', 'Gabriel', 'Louise', 'Arthur', 'Alice', 'Jules'];

/** The Cookie header of a new session for the account, as a signed-in browser sends it. */
export async function sessionCookie(deps: AppDeps, accountId: number): Promise<string> {
	const { token } = await createSession(deps.db, deps.clock, accountId);
	return `${sessionCookieName(deps.config)}=${token}`;
}

/**
 * A household created by the app's own services (titulaire, account, children enrolled in
 * `sessions`, as an accepted fiche enfant does), signed in.
 */
export async function createFamily(
	deps: AppDeps,
	nom: string,
	children: number,
	passwordHash: string,
	sessions = ['restauration-scolaire', 'garderie']
): Promise<Family> {
	const now = deps.clock.now().toISOString();
	const family = await deps.db.transaction().execute(async (trx) => {
		const login = nom.toLowerCase();
		const holder = await createHouseholdWithTitulaire(
			trx,
			{
				civilite: 'Madame',
				nomNaissance: nom,
				prenom: 'Claire',
				prenom2: undefined,
				prenom3: undefined,
				dateNaissance: '1985-06-15',
				paysNaissance: 'France',
				communeNaissance: 'Boulogne-sur-Mer',
				departementNaissance: '62'
			},
			{ username: `bench.${login}`, email: `${login}@example.org`, passwordHash, role: 'citizen' },
			now
		);
		const childIds: number[] = [];
		for (let i = 0; i < children; i++) {
			const child = {
				sexe: i % 2 === 0 ? ('F' as const) : ('M' as const),
				nomNaissance: nom,
				prenom: PRENOMS[i % PRENOMS.length] ?? 'Enfant',
				dateNaissance: `${2014 + i}-0${1 + (i % 9)}-10`,
				paysNaissance: 'France',
				communeNaissance: 'Boulogne-sur-Mer',
				departementNaissance: '62',
				sessions
			};
			childIds.push(
				await addChild(trx, holder.householdId, { personId: holder.personId, relation: 'mere' }, child, now)
			);
		}
		return { ...holder, childIds };
	});
	return {
		householdId: family.householdId,
		accountId: family.accountId,
		childIds: family.childIds,
		cookie: await sessionCookie(deps, family.accountId)
	};
}

/** POST /api/sync/push over HTTP, as the browser sends its outbox; the answer read to the end. */
export async function postPush(baseUrl: string, cookie: string, mutations: unknown[]): Promise<unknown> {
	const res = await fetch(`${baseUrl}/api/sync/push`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Origin: PUBLIC_URL, Cookie: cookie },
		body: JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, mutations })
	});
	const text = await res.text();
	if (res.status !== 200) throw new Error(`push refusé : ${res.status} ${text}`);
	return JSON.parse(text);
}
