import { describe, expect, it } from 'vitest';
import { expectError } from '../support/expect.ts';
import { json, TestClient } from '../support/http-client.ts';
import { PDF, png, upload, uploaded } from '../support/documents.ts';
import { fileDocument } from '../support/requests.ts';
import { queueWithDemande } from './documents-support.ts';

type Page = {
	documents: {
		id: number;
		famille: string;
		typeLabel: string;
		personLabel: string | null;
		proposedExpiresOn: string | null;
		demandes: { label: string }[];
		uploadedAt: string;
	}[];
	total: number;
	pageSize: number;
};

describe('GET /api/admin/documents: the justificatifs to validate', () => {
	it('lists à valider by default, oldest first, with the family, the person, the type and the demandes using it', async () => {
		const { ctx, agent, dupin, martin } = await queueWithDemande();
		await fileDocument(ctx, martin, { type: 'attestation-caf', uploadedAt: '2026-11-05T10:00:00.000Z' });
		await fileDocument(ctx, dupin, { type: 'attestation-caf', status: 'valide', expiresOn: '2027-01-01' });
		await fileDocument(ctx, dupin, { type: 'piece-jointe', uploadedAt: '2026-11-01T08:00:00.000Z' });
		const page = await json<Page>(await agent.get('/api/admin/documents'));
		expect(page.total).toBe(2);
		expect(page.pageSize).toBe(50);
		expect(page.documents.map((d) => [d.famille, d.typeLabel])).toEqual([
			['MARTIN Claire', 'Attestation CAF'],
			['DUPIN Pascal', 'Livret de famille intégral ou acte de naissance']
		]);
		expect(page.documents[1]).toMatchObject({
			personLabel: 'DUPIN Tim',
			proposedExpiresOn: null,
			demandes: [{ label: 'Fiche enfant : 1' }]
		});
		// Attestation CAF: a year from the server's today (2026-11-28).
		expect(page.documents[0]?.proposedExpiresOn).toBe('2027-11-28');
	});

	it('filters by type and by family, and pages by 50', async () => {
		const { ctx, agent, dupin, martin } = await queueWithDemande();
		for (let i = 0; i < 55; i++)
			await fileDocument(ctx, martin, {
				type: 'justificatif-domicile',
				uploadedAt: `2026-11-0${1 + (i % 9)}T10:00:${String(i).padStart(2, '0')}.000Z`
			});
		const first = await json<Page>(await agent.get('/api/admin/documents?type=justificatif-domicile'));
		expect(first.total).toBe(55);
		expect(first.documents).toHaveLength(50);
		expect(first.documents[0]?.proposedExpiresOn).toBe('2027-02-28');
		const second = await json<Page>(
			await agent.get('/api/admin/documents?type=justificatif-domicile&page=2')
		);
		expect(second.documents).toHaveLength(5);
		const dupinOnly = await json<Page>(
			await agent.get(`/api/admin/documents?famille=${dupin.account.householdId}`)
		);
		expect(dupinOnly.documents.map((d) => d.famille)).toEqual(['DUPIN Pascal']);
		for (const bad of ['statut=x', 'type=passeport', 'famille=-1', 'famille=abc', 'page=0', 'page=99999'])
			await expectError(await agent.get(`/api/admin/documents?${bad}`), 400);
	});

	it('refuses a family (403) and a signed-out visitor (401)', async () => {
		const { ctx, dupin, livretId } = await queueWithDemande();
		await expectError(await dupin.client.get('/api/admin/documents'), 403, { code: 'agents_only' });
		await expectError(await dupin.client.get(`/api/admin/documents/${livretId}/fichier`), 403);
		await expectError(await new TestClient(ctx.app).get(`/api/admin/documents/${livretId}`), 401);
	});
});

describe('GET /api/admin/documents/:id and its fichier', () => {
	it('gives the meta of one document, 404 for an unknown or malformed id', async () => {
		const { agent, livretId } = await queueWithDemande();
		const { document } = await json<{ document: Page['documents'][number] }>(
			await agent.get(`/api/admin/documents/${livretId}`)
		);
		expect(document).toMatchObject({ id: livretId, famille: 'DUPIN Pascal', personLabel: 'DUPIN Tim' });
		for (const bad of ['999999', '0', '-3', 'abc', '1.5', '99999999999'])
			await expectError(await agent.get(`/api/admin/documents/${bad}`), 404, { code: 'not_found' });
	});

	it('shows a PDF or an image inline, sandboxed, never sniffed; framed by the back office only', async () => {
		const { ctx, agent, dupin } = await queueWithDemande();
		for (const [bytes, mime] of [
			[PDF, 'application/pdf'],
			[png(), 'image/png']
		] as const) {
			const doc = await uploaded(
				await upload(ctx, dupin.client, bytes, { name: 'caf été.pdf', contentType: mime })
			);
			const { id } = await ctx.db
				.selectFrom('document')
				.select('id')
				.where('client_id', '=', doc.id)
				.executeTakeFirstOrThrow();
			const res = await agent.get(`/api/admin/documents/${id}/fichier`);
			expect(res.status).toBe(200);
			expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), Buffer.from(bytes))).toBe(0);
			expect(res.headers.get('content-type')).toBe(mime);
			expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="caf ete.pdf"/);
			expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
			expect(res.headers.get('content-security-policy')).not.toMatch(/script/);
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
			expect(res.headers.get('cache-control')).toMatch(/no-store/);
		}
	});

	it('sends any other type as an attachment, and 404 for a file missing or unknown', async () => {
		const { ctx, agent, dupin, livretId } = await queueWithDemande();
		const doc = await uploaded(await upload(ctx, dupin.client, PDF, { name: 'page.html' }));
		await ctx.db.updateTable('document').set({ mime: 'text/html' }).where('client_id', '=', doc.id).execute();
		const { id } = await ctx.db
			.selectFrom('document')
			.select('id')
			.where('client_id', '=', doc.id)
			.executeTakeFirstOrThrow();
		const res = await agent.get(`/api/admin/documents/${id}/fichier`);
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="page.html"/);
		expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
		await res.arrayBuffer();
		// Its file was never written (fileDocument): 404, not a crash.
		await expectError(await agent.get(`/api/admin/documents/${livretId}/fichier`), 404);
		await expectError(await agent.get('/api/admin/documents/424242/fichier'), 404);
	});

	it('keeps a family to its own documents as before: another household’s is 404', async () => {
		const { martin, livret } = await queueWithDemande();
		await expectError(await martin.client.get(`/api/documents/${livret}/file`), 404);
	});
});
