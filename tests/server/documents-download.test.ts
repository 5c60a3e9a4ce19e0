import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDocuments } from '../../server/documents/document-repository.ts';
import { dupins, withMartinFamily } from './support/agenda.ts';
import { jpeg, PDF, png, upload, uploaded } from './support/documents.ts';
import { expectError } from './support/expect.ts';

describe('a justificatif downloaded', () => {
	it('is the file as sent, as an attachment with its name, never sniffed, sandboxed, not cached', async () => {
		const { ctx, client } = await dupins();
		const name = 'Relevé "CAF" d’été; 100% (copie).pdf';
		const doc = await uploaded(await upload(ctx, client, PDF, { name }));
		const res = await client.get(`/api/documents/${doc.id}/file`);
		expect(res.status).toBe(200);
		expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), Buffer.from(PDF))).toBe(0);
		expect(Object.fromEntries(res.headers)).toMatchObject({
			'content-type': 'application/pdf',
			'content-length': String(PDF.byteLength),
			'content-disposition':
				'attachment; filename="Releve _CAF_ d_ete; 100_ (copie).pdf"; ' +
				"filename*=UTF-8''Relev%C3%A9%20%22CAF%22%20d%E2%80%99%C3%A9t%C3%A9%3B%20100%25%20%28copie%29.pdf",
			'x-content-type-options': 'nosniff',
			'content-security-policy': "sandbox; default-src 'none'",
			'x-frame-options': 'DENY',
			'cache-control': 'private, no-store'
		});
	});

	it('is the household’s only: another household’s file is unknown (404, the same answer)', async () => {
		const { ctx, client } = await dupins();
		const doc = await uploaded(
			await upload(ctx, client, png(), { name: 'livret.png', type: 'livret-famille' })
		);
		const martin = await withMartinFamily(ctx);
		const theirs = await martin.client.get(`/api/documents/${doc.id}/file`);
		const unknown = await martin.client.get(`/api/documents/${randomUUID()}/file`);
		const malformed = await martin.client.get('/api/documents/..%2F..%2Fportail.sqlite/file');
		const bodies = [];
		for (const res of [theirs, unknown, malformed]) {
			bodies.push(await expectError(res, 404, { code: 'not_found', message: 'Justificatif introuvable.' }));
		}
		expect(bodies[0]).toEqual(bodies[1]);
		expect(bodies[0]).toEqual(bodies[2]);
		await expectError(await ctx.app.request(`/api/documents/${doc.id}/file`), 401);
	});

	it('whose file went missing from the disk is unknown (404), not a server error', async () => {
		const { ctx, client } = await dupins();
		const doc = await uploaded(await upload(ctx, client, PDF));
		const row = await ctx.db.selectFrom('document').select('stored_name').executeTakeFirstOrThrow();
		rmSync(join(ctx.dataDir, 'uploads', row.stored_name));
		await expectError(await client.get(`/api/documents/${doc.id}/file`), 404, { code: 'not_found' });
	});
});

describe('the household’s justificatifs, for the requests pull', () => {
	it('are its own, the most recent first', async () => {
		const { ctx, client, timId } = await dupins();
		const first = await uploaded(await upload(ctx, client, PDF, { name: 'a.pdf', personId: timId }));
		ctx.clock.set('2026-11-29T09:00:00Z');
		const second = await uploaded(await upload(ctx, client, jpeg(), { name: 'b.jpg', type: 'assurance-rc' }));
		const martin = await withMartinFamily(ctx);
		await uploaded(await upload(ctx, martin.client, PDF, { name: 'martin.pdf' }));
		const household = (
			await ctx.db
				.selectFrom('person')
				.select('household_id')
				.where('id', '=', timId)
				.executeTakeFirstOrThrow()
		).household_id;
		const list = await listDocuments(ctx.db, household);
		expect(list.map((d) => d.id)).toEqual([second.id, first.id]);
		expect(list[1]).toEqual(first);
	});
});
