import { randomUUID } from 'node:crypto';
import type { AgendaSnapshot } from '../../../src/lib/domain/agenda/snapshot.ts';
import {
	SYNC_SCHEMA_VERSION,
	type BulkPayload,
	type MutationResult,
	type PushResponse
} from '../../../src/lib/domain/sync/protocol.ts';
import { DEMO_CITIZEN, installDemoData } from '../../../server/demo/demo-data.ts';
import { addChild } from '../../../server/profile/household-service.ts';
import { CLAIRE, registerCitizen } from './accounts.ts';
import { json, TestClient } from './http-client.ts';
import { testApp, type TestCtx } from './test-app.ts';

/** The demo family (Pascal and Tim DUPIN) on a test portal, Pascal signed in. */
export async function withDupinFamily(ctx: TestCtx) {
	await installDemoData(ctx.db, ctx.clock);
	const client = new TestClient(ctx.app, { ip: '192.0.2.10' });
	const res = await client.post('/api/auth/login', {
		identifiant: DEMO_CITIZEN.username,
		motDePasse: DEMO_CITIZEN.password
	});
	if (res.status !== 200) throw new Error(`connexion refusée : ${res.status}`);
	const tim = await ctx.db
		.selectFrom('person')
		.select('id')
		.where('prenom', '=', 'Tim')
		.executeTakeFirstOrThrow();
	return { client, timId: tim.id };
}

/** Saturday 28 November 2026, 10:00 in Paris: the agenda tests' day unless they say otherwise. */
export const AGENDA_NOW = '2026-11-28T09:00:00Z';

/** A test portal at `now` with the DUPIN family, Pascal signed in. */
export async function dupins(now = AGENDA_NOW) {
	const ctx = await testApp({ now });
	return { ctx, ...(await withDupinFamily(ctx)) };
}

/**
 * A second household: Claire MARTIN registers through the API (signed in on her own client) and
 * gets a child, Léa, enrolled in `sessions` (as an accepted fiche enfant would do).
 */
export async function withMartinFamily(ctx: TestCtx, sessions: string[] = ['centre-de-loisirs']) {
	const client = new TestClient(ctx.app, { ip: '192.0.2.20' });
	await registerCitizen(ctx, client, CLAIRE);
	const claire = await ctx.db
		.selectFrom('account')
		.select(['household_id', 'person_id'])
		.where('email', '=', CLAIRE.email)
		.executeTakeFirstOrThrow();
	const leaId = await addChild(
		ctx.db,
		claire.household_id,
		{ personId: claire.person_id, relation: 'mere' },
		{
			sexe: 'F',
			nomNaissance: 'Martin',
			prenom: 'Léa',
			dateNaissance: '2016-03-02',
			paysNaissance: 'France',
			communeNaissance: 'Boulogne-sur-Mer',
			departementNaissance: '62',
			sessions
		},
		ctx.clock.now().toISOString()
	);
	return { client, leaId, householdId: claire.household_id };
}

/** Enrols a person in one more session (an accepted fiche enfant). */
export async function enrol(ctx: TestCtx, personId: number, session: string) {
	await ctx.db
		.insertInto('activity_enrolment')
		.values({ person_id: personId, session, created_at: ctx.clock.now().toISOString() })
		.execute();
}

export function mutation(kind: string, payload: unknown, id: string = randomUUID()) {
	return { id, kind, createdAt: '2026-11-28T09:00:00.000Z', payload };
}

export const create = (personId: number, activityCode: string, date: string) =>
	mutation('reservation.create.v1', { personId, activityCode, date });
export const cancel = (personId: number, activityCode: string, date: string) =>
	mutation('reservation.cancel.v1', { personId, activityCode, date });
export const bulk = (payload: BulkPayload) => mutation('reservation.bulk.v1', payload);

export function pushRequest(client: TestClient, mutations: unknown[], schemaVersion = SYNC_SCHEMA_VERSION) {
	return client.post('/api/sync/push', { schemaVersion, mutations });
}

export async function push(
	client: TestClient,
	...mutations: unknown[]
): Promise<{ status: number; body: PushResponse }> {
	const res = await pushRequest(client, mutations);
	return { status: res.status, body: await json<PushResponse>(res) };
}

export async function pushOne(client: TestClient, m: unknown): Promise<MutationResult> {
	const { status, body } = await push(client, m);
	if (status !== 200) throw new Error(`push refusé : ${status} ${JSON.stringify(body)}`);
	const result = body.results[0];
	if (!result) throw new Error('aucune réponse');
	return result;
}

export function pullRequest(
	client: TestClient,
	from: string,
	to: string,
	schemaVersion = SYNC_SCHEMA_VERSION
) {
	return client.get(`/api/sync/pull?from=${from}&to=${to}&schemaVersion=${schemaVersion}`);
}

export async function pull(client: TestClient, from: string, to: string): Promise<AgendaSnapshot> {
	const res = await pullRequest(client, from, to);
	if (res.status !== 200) throw new Error(`pull refusé : ${res.status} ${await res.text()}`);
	return json<AgendaSnapshot>(res);
}

/** How many rows each table the agenda writes holds: "nothing written" is all of them unchanged. */
export async function rowCounts(ctx: TestCtx) {
	const count = async (
		table: 'reservation' | 'reservation_history' | 'ledger_entry' | 'applied_mutation'
	): Promise<number> => {
		const row = await ctx.db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	};
	return {
		reservations: await count('reservation'),
		history: await count('reservation_history'),
		ledger: await count('ledger_entry'),
		applied: await count('applied_mutation')
	};
}

/** The reason a refusal gives is French, for a parent to read: a capital and a final stop. */
export const FRENCH_SENTENCE = /^[A-ZÀ-ŸÉ«].* .*[.!)]$/u;
