import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signInAgent } from './support/agents.ts';
import { mutation, pushOne } from './support/agenda.ts';
import { PDF, requestsVersion, upload, uploaded } from './support/documents.ts';
import { json, TestClient } from './support/http-client.ts';
import { apply, draft, fileDocument, setStatus, twoHouseholds } from './support/requests.ts';

type Homes = Awaited<ReturnType<typeof twoHouseholds>>;

/** A fiche enfant for Tim sent without its livret (the test form asks for it, for Tim). */
async function sentForTim(homes: Homes) {
	const d = draft({ data: { enfant: { personId: homes.dupin.timId, nom: 'DUPIN Tim' } } });
	const outcome = await apply(homes.ctx, homes.dupin, 'submit', d);
	if (!outcome.ok) throw new Error(outcome.reason);
	return d.demandeId;
}

/** The document each demande's livret row points at, by the demande's UUID. */
async function livretOf(homes: Homes, demandeId: string): Promise<number | null> {
	const row = await homes.ctx.db
		.selectFrom('demande_document')
		.innerJoin('demande', 'demande.id', 'demande_document.demande_id')
		.select('demande_document.document_id')
		.where('demande.client_id', '=', demandeId)
		.where('demande_document.type', '=', 'livret-famille')
		.executeTakeFirstOrThrow();
	return row.document_id;
}

/** The demande's livret row pointed at a document of Tim's in that state (an agent's decision). */
async function pointAt(
	homes: Homes,
	demandeId: string,
	state: { status: 'invalide' | 'valide'; expiresOn?: string }
) {
	const { ctx, dupin } = homes;
	const clientId = await fileDocument(ctx, dupin, {
		type: 'livret-famille',
		personId: dupin.timId,
		...state
	});
	const doc = await ctx.db
		.selectFrom('document')
		.select('id')
		.where('client_id', '=', clientId)
		.executeTakeFirstOrThrow();
	const demande = await ctx.db
		.selectFrom('demande')
		.select('id')
		.where('client_id', '=', demandeId)
		.executeTakeFirstOrThrow();
	await ctx.db
		.updateTable('demande_document')
		.set({ document_id: doc.id })
		.where('demande_id', '=', demande.id)
		.where('type', '=', 'livret-famille')
		.execute();
}

/** Tim's new livret through the upload route, as the outbox sends the file first. */
async function uploadLivret(homes: Homes) {
	const id = randomUUID();
	const doc = await uploaded(
		await upload(homes.ctx, homes.dupin.client, PDF, {
			id,
			type: 'livret-famille',
			name: 'livret.pdf',
			personId: homes.dupin.timId,
			personLabel: 'DUPIN Tim'
		})
	);
	const row = await homes.ctx.db
		.selectFrom('document')
		.select('id')
		.where('client_id', '=', id)
		.executeTakeFirstOrThrow();
	return { clientId: id, id: row.id, view: doc };
}

const provide = (documentId: string, personId: number | null, overrides = {}) =>
	mutation('document.provide.v1', {
		documentId,
		type: 'livret-famille',
		personId,
		personLabel: 'DUPIN Tim',
		...overrides
	});

// A push through the HTTP app, two households registered: slower on a busy machine than the default 5 s.
describe('POST /api/sync/push: document.provide.v1 (Mes justificatifs à fournir)', () => {
	it('links one upload to every open demande waiting for it, not a clos one, and the agent sees it with both', async () => {
		const homes = await twoHouseholds();
		const { ctx, dupin } = homes;
		const first = await sentForTim(homes);
		const second = await sentForTim(homes);
		const closed = await sentForTim(homes);
		await setStatus(ctx, closed, 'clos');
		await setStatus(ctx, second, 'complement');
		const livret = await uploadLivret(homes);
		const version = await requestsVersion(ctx, dupin.account.householdId);

		const m = provide(livret.clientId, dupin.timId);
		expect(await pushOne(dupin.client, m)).toEqual({ id: m.id, status: 'applied' });
		expect(await livretOf(homes, first)).toBe(livret.id);
		expect(await livretOf(homes, second)).toBe(livret.id);
		expect(await livretOf(homes, closed)).toBeNull();
		expect(await requestsVersion(ctx, dupin.account.householdId)).toBe(version + 1);

		const agent = new TestClient(ctx.app);
		await signInAgent(ctx, agent, { role: 'agent' });
		const page = await json<{
			documents: { id: number; status: string; demandes: { label: string }[] }[];
		}>(await agent.get('/api/admin/documents'));
		expect(page.documents).toEqual([
			expect.objectContaining({
				id: livret.id,
				status: 'a-valider',
				demandes: [
					expect.objectContaining({ label: 'Fiche enfant : 1' }),
					expect.objectContaining({ label: 'Fiche enfant : 2' })
				]
			})
		]);
	}, 15_000);

	it('replaces a refused or expired document, leaves a demande holding a valid one alone', async () => {
		const homes = await twoHouseholds();
		const { ctx, dupin } = homes;
		const refused = await sentForTim(homes);
		await pointAt(homes, refused, { status: 'invalide' });
		const expired = await sentForTim(homes);
		await pointAt(homes, expired, { status: 'valide', expiresOn: '2026-11-01' });
		await fileDocument(ctx, dupin, {
			type: 'livret-famille',
			personId: dupin.timId,
			status: 'valide',
			expiresOn: '2027-06-01'
		});
		const covered = await sentForTim(homes);
		const coveredBy = await livretOf(homes, covered);
		expect(coveredBy).not.toBeNull();
		const livret = await uploadLivret(homes);
		expect((await pushOne(dupin.client, provide(livret.clientId, dupin.timId))).status).toBe('applied');
		expect(await livretOf(homes, refused)).toBe(livret.id);
		expect(await livretOf(homes, expired)).toBe(livret.id);
		expect(await livretOf(homes, covered)).toBe(coveredBy);
	}, 15_000);

	it('answers a Clos demande whose justificatif the town refused: it still asks for another one', async () => {
		const homes = await twoHouseholds();
		const { dupin } = homes;
		const accepted = await sentForTim(homes);
		await pointAt(homes, accepted, { status: 'invalide' });
		await setStatus(homes.ctx, accepted, 'clos');
		const livret = await uploadLivret(homes);
		expect((await pushOne(dupin.client, provide(livret.clientId, dupin.timId))).status).toBe('applied');
		expect(await livretOf(homes, accepted)).toBe(livret.id);
	});

	it('refuses another household’s person or file, and links nothing', async () => {
		const homes = await twoHouseholds();
		const { ctx, dupin, martin } = homes;
		const first = await sentForTim(homes);
		const tom = draft();
		await apply(ctx, dupin, 'submit', tom);
		const livret = await uploadLivret(homes);
		const version = await requestsVersion(ctx, dupin.account.householdId);
		expect(await pushOne(dupin.client, provide(livret.clientId, martin.leaId))).toMatchObject({
			status: 'rejected',
			code: 'introuvable'
		});
		// A new child's line (no person yet, a label), answered with the MARTIN's file: unknown.
		const theirs = await fileDocument(ctx, martin, { type: 'livret-famille', personLabel: 'DUPIN Tom' });
		expect(await pushOne(dupin.client, provide(theirs, null, { personLabel: 'DUPIN Tom' }))).toMatchObject({
			status: 'rejected',
			code: 'introuvable'
		});
		expect(await livretOf(homes, tom.demandeId)).toBeNull();
		// Tim's file named for another type: not what this line waits for.
		expect(
			await pushOne(dupin.client, provide(livret.clientId, dupin.timId, { type: 'attestation-caf' }))
		).toMatchObject({ status: 'rejected', code: 'introuvable' });
		expect(await livretOf(homes, first)).toBeNull();
		expect(await requestsVersion(ctx, dupin.account.householdId)).toBe(version);
	}, 15_000);

	it('answers a file not received yet without keeping the answer, and bounds the payload', async () => {
		const homes = await twoHouseholds();
		const { dupin } = homes;
		const first = await sentForTim(homes);
		const clientId = randomUUID();
		const m = provide(clientId, dupin.timId);
		expect(await pushOne(dupin.client, m)).toMatchObject({ status: 'rejected', code: 'fichier-non-recu' });
		// The file arrives, the same mutation is sent again: decided again, and applied.
		await upload(homes.ctx, dupin.client, PDF, {
			id: clientId,
			type: 'livret-famille',
			name: 'livret.pdf',
			personId: dupin.timId
		});
		expect(await pushOne(dupin.client, m)).toEqual({ id: m.id, status: 'applied' });
		expect(await livretOf(homes, first)).not.toBeNull();
		for (const bad of [
			{ type: 'piece-jointe' },
			{ type: 'passeport' },
			{ personId: -1 },
			{ personId: 1.5 },
			{ personLabel: 'x'.repeat(201) },
			{ documentId: 'pas-un-uuid' }
		])
			expect(await pushOne(dupin.client, provide(clientId, dupin.timId, bad))).toMatchObject({
				status: 'rejected'
			});
	}, 15_000);
});
