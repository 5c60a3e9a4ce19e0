import { describe, expect, it } from 'vitest';
import {
	MAX_PULLED_DEMANDES,
	MAX_PULLED_DOCUMENTS,
	requestsSnapshotSchema,
	type RequestsSnapshot
} from '../../src/lib/domain/requests/snapshot.ts';
import {
	MAX_DEMANDES_PER_DAY,
	MAX_DRAFTS,
	MAX_OPEN_DEMANDES
} from '../../src/lib/domain/requests/mutations.ts';
import { SYNC_SCHEMA_VERSION } from '../../src/lib/domain/sync/protocol.ts';
import { expectError } from './support/expect.ts';
import { json, TestClient, type TestClient as Client } from './support/http-client.ts';
import { apply, draft, fileDocument, setStatus, twoHouseholds } from './support/requests.ts';

async function pullRequests(client: Client, known?: number) {
	const res = await client.get(
		`/api/requests/pull?schemaVersion=${SYNC_SCHEMA_VERSION}${known === undefined ? '' : `&known=${known}`}`
	);
	expect(res.status, await res.clone().text()).toBe(200);
	return requestsSnapshotSchema.parse(await json(res));
}

function full(snapshot: RequestsSnapshot) {
	if ('unchanged' in snapshot) throw new Error('réponse « inchangé » inattendue');
	return snapshot;
}

describe('GET /api/requests/pull', () => {
	it('is for a signed-in household only, of the current sync version', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const stranger = new TestClient(ctx.app);
		await expectError(await stranger.get('/api/requests/pull?schemaVersion=1'), 401);
		await expectError(await stranger.get('/api/requests/salle-des-fetes/jours'), 401);
		await expectError(await dupin.client.get('/api/requests/pull?schemaVersion=0'), 409, {
			code: 'client_outdated'
		});
		for (const query of ['', '?schemaVersion=un', '?schemaVersion=1&known=-1', '?schemaVersion=1&known=x']) {
			await expectError(await dupin.client.get(`/api/requests/pull${query}`), 400, { code: 'invalid_query' });
		}
	});

	it('gives the household’s demandes with their answers, history and justificatifs, and its documents', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const livret = await fileDocument(ctx, dupin, { type: 'livret-famille', personId: dupin.timId });
		const sent = draft({
			data: {
				enfant: { personId: dupin.timId, nom: 'DUPIN Tim' },
				justificatifs: { 'livret-famille': { choice: 'envoyer', documentId: livret } }
			}
		});
		await apply(ctx, dupin, 'submit', sent);
		ctx.clock.set('2026-11-28T09:10:00Z');
		const kept = draft({ step: 3 });
		await apply(ctx, dupin, 'save', kept);

		const snapshot = full(await pullRequests(dupin.client));
		expect(snapshot).toMatchObject({ version: 2, truncated: false });
		expect(snapshot.demandes.map((d) => [d.number, d.status])).toEqual([
			[2, 'brouillon'],
			[1, 'envoyee']
		]);
		expect(snapshot.demandes[0]).toMatchObject({
			id: kept.demandeId,
			formCode: 'fiche-enfant',
			data: kept.data,
			step: 3,
			revision: 1,
			writerId: kept.writerId,
			createdAt: '2026-11-28T09:10:00.000Z',
			submittedAt: null,
			history: [{ author: 'DUPIN Pascal', from: null, to: 'brouillon', comment: null }],
			needs: []
		});
		expect(snapshot.demandes[1]).toMatchObject({
			id: sent.demandeId,
			personId: dupin.timId,
			personLabel: 'DUPIN Tim',
			submittedAt: '2026-11-28T09:00:00.000Z',
			history: [
				{ from: null, to: 'brouillon' },
				{ from: 'brouillon', to: 'envoyee' }
			],
			needs: [
				{ type: 'attestation-caf', personId: null, documentId: null, status: 'non-fourni' },
				{ type: 'livret-famille', personId: dupin.timId, documentId: livret, status: 'a-valider' }
			]
		});
		expect(snapshot.documents).toEqual([
			{
				id: livret,
				type: 'livret-famille',
				personId: dupin.timId,
				personLabel: null,
				status: 'a-valider',
				expiresOn: null,
				reason: null,
				name: 'livret-famille.pdf',
				mime: 'application/pdf',
				size: 1234,
				uploadedAt: '2026-11-01T10:00:00.000Z'
			}
		]);
	});

	it('answers only the version while the household’s demandes have not changed', async () => {
		const { ctx, dupin } = await twoHouseholds();
		expect(await pullRequests(dupin.client, 0)).toEqual({ version: 0, unchanged: true });
		const d = draft();
		await apply(ctx, dupin, 'save', d);
		expect(full(await pullRequests(dupin.client, 0)).version).toBe(1);
		expect(await pullRequests(dupin.client, 1)).toEqual({ version: 1, unchanged: true });
		await apply(ctx, dupin, 'delete', { demandeId: d.demandeId });
		expect(full(await pullRequests(dupin.client, 1))).toMatchObject({ version: 2, demandes: [] });
	});

	it('gives again the answer it keeps while nothing changed, and a new one once something did', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const d = draft();
		await apply(ctx, dupin, 'save', d);
		const first = full(await pullRequests(dupin.client));
		expect(await pullRequests(dupin.client)).toEqual(first);
		await apply(ctx, dupin, 'save', { ...d, baseRevision: 1, step: 4 });
		expect(full(await pullRequests(dupin.client))).toMatchObject({
			version: 2,
			demandes: [{ revision: 2, step: 4 }]
		});
	});

	it('never shows another household’s demandes or documents', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		await apply(ctx, dupin, 'save', draft());
		await apply(ctx, dupin, 'submit', draft());
		await fileDocument(ctx, dupin, { type: 'assurance-rc' });
		expect(full(await pullRequests(martin.client))).toEqual({
			version: 0,
			demandes: [],
			truncated: false,
			documents: []
		});
	});

	it(`gives the ${MAX_PULLED_DEMANDES} most recent demandes and ${MAX_PULLED_DOCUMENTS} most recent documents`, async () => {
		const { ctx, dupin } = await twoHouseholds();
		// Sent over several days and answered by the town: a household's bounds (requests-bounds.test.ts).
		for (let i = 0; i <= MAX_PULLED_DEMANDES; i++) {
			ctx.clock.set(`2026-11-${String(1 + Math.floor(i / MAX_DEMANDES_PER_DAY)).padStart(2, '0')}T09:00:00Z`);
			const d = draft();
			await apply(ctx, dupin, 'submit', d);
			await setStatus(ctx, d.demandeId, 'clos');
		}
		for (let i = 0; i <= MAX_PULLED_DOCUMENTS; i++) {
			const uploadedAt = new Date(Date.UTC(2026, 0, 1) + i * 3600000).toISOString();
			await fileDocument(ctx, dupin, { type: 'piece-jointe', uploadedAt });
		}
		const snapshot = full(await pullRequests(dupin.client));
		expect(snapshot.truncated).toBe(true);
		expect(snapshot.demandes).toHaveLength(MAX_PULLED_DEMANDES);
		expect(snapshot.demandes[0]?.number).toBe(MAX_PULLED_DEMANDES + 1);
		expect(snapshot.demandes.at(-1)?.number).toBe(2);
		expect(snapshot.documents).toHaveLength(MAX_PULLED_DOCUMENTS);
		expect(snapshot.documents.at(-1)?.uploadedAt).toBe(
			new Date(Date.UTC(2026, 0, 1) + 3600000).toISOString()
		);
	});

	it('always gives every draft and every demande sent back for a complément, then the most recent of the others', async () => {
		// A draft left out would still count toward the 50, and no device could continue or delete it.
		expect(MAX_DRAFTS + MAX_OPEN_DEMANDES).toBeLessThanOrEqual(MAX_PULLED_DEMANDES);
		const { ctx, dupin } = await twoHouseholds();
		let started = 0;
		// Spread over days, as a household's bounds require (requests-bounds.test.ts).
		const nextDay = () =>
			ctx.clock.set(
				`2026-11-${String(1 + Math.floor(started++ / MAX_DEMANDES_PER_DAY)).padStart(2, '0')}T09:00:00Z`
			);
		const drafts: string[] = [];
		for (let i = 0; i < MAX_DRAFTS; i++) {
			nextDay();
			const d = draft();
			await apply(ctx, dupin, 'save', d);
			drafts.push(d.demandeId);
		}
		const complements: string[] = [];
		for (let i = 0; i < 3; i++) {
			nextDay();
			const d = draft();
			await apply(ctx, dupin, 'submit', d);
			await setStatus(ctx, d.demandeId, 'complement');
			complements.push(d.demandeId);
		}
		// Then more demandes the town answered than the pull gives, all more recent than the drafts.
		const closed: string[] = [];
		for (let i = 0; i < MAX_PULLED_DEMANDES; i++) {
			nextDay();
			const d = draft();
			await apply(ctx, dupin, 'submit', d);
			await setStatus(ctx, d.demandeId, 'clos');
			closed.push(d.demandeId);
		}

		const snapshot = full(await pullRequests(dupin.client));
		expect(snapshot.demandes).toHaveLength(MAX_PULLED_DEMANDES);
		expect(snapshot.truncated).toBe(true);
		const ids = snapshot.demandes.map((d) => d.id);
		expect(ids.filter((id) => drafts.includes(id))).toHaveLength(MAX_DRAFTS);
		expect(ids.filter((id) => complements.includes(id))).toHaveLength(3);
		// The others: the most recent of the closed ones, the whole list newest first.
		const room = MAX_PULLED_DEMANDES - MAX_DRAFTS - 3;
		expect(ids.filter((id) => closed.includes(id))).toEqual(closed.slice(-room).reverse());
		const numbers = snapshot.demandes.map((d) => d.number);
		expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

		// The drafts deleted: the compléments, then the most recent others up to the bound.
		for (const demandeId of drafts) await apply(ctx, dupin, 'delete', { demandeId });
		const after = full(await pullRequests(dupin.client));
		expect(after.truncated).toBe(true);
		expect(after.demandes.map((d) => d.id)).toEqual([
			...closed.slice(-(MAX_PULLED_DEMANDES - 3)).reverse(),
			...complements.reverse()
		]);
	});
});

describe('GET /api/requests/salle-des-fetes/jours', () => {
	const hall = (jours: string[]) =>
		draft({ data: { enfant: { personId: null, nom: 'Fête' }, salle: { jours } } });

	it('lists the days asked for or booked, town-wide, from today to 18 months ahead, without names', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		await apply(ctx, dupin, 'submit', hall(['2026-12-05', '2027-06-12', '2027-06-13']));
		const refused = hall(['2027-07-14']);
		await apply(ctx, martin, 'submit', refused);
		await setStatus(ctx, refused.demandeId, 'refusee');
		await apply(ctx, martin, 'submit', hall(['2027-09-04']));
		await ctx.db.updateTable('hall_day').set({ state: 'reservee' }).where('day', '=', '2027-09-04').execute();
		// A draft asks for nothing yet.
		await apply(ctx, martin, 'save', hall(['2027-10-02']));

		const res = await martin.client.get('/api/requests/salle-des-fetes/jours');
		expect(await json(res)).toEqual({
			from: '2026-11-28',
			to: '2028-05-31',
			days: [
				{ day: '2026-12-05', state: 'demandee' },
				{ day: '2027-06-12', state: 'demandee' },
				{ day: '2027-06-13', state: 'demandee' },
				{ day: '2027-09-04', state: 'reservee' }
			]
		});
		// Days gone by are not listed.
		ctx.clock.set('2026-12-06T08:00:00Z');
		const later = await json<{ days: { day: string }[] }>(
			await dupin.client.get('/api/requests/salle-des-fetes/jours')
		);
		expect(later.days.map((d) => d.day)).toEqual(['2027-06-12', '2027-06-13', '2027-09-04']);
	});
});
