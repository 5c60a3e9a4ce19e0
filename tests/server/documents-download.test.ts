import { serve } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import { readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { listDocuments } from '../../server/documents/document-repository.ts';
import { dupins, withMartinFamily } from './support/agenda.ts';
import { jpeg, PDF, png, upload, uploaded } from './support/documents.ts';
import { expectError } from './support/expect.ts';
import type { TestCtx } from './support/test-app.ts';

/** This process's descriptors open on a file of the test's uploads folder. */
function openUploads(ctx: TestCtx): number {
	const dir = join(ctx.dataDir, 'uploads');
	let open = 0;
	for (const fd of readdirSync('/proc/self/fd')) {
		try {
			if (readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir)) open++;
		} catch {
			// Closed between the listing and the read.
		}
	}
	return open;
}

/** Waits a little for `check` to hold (a handle is closed on the next turns of the loop). */
async function eventually(check: () => boolean, ms = 2_000): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (!check() && Date.now() < deadline) await setTimeout(10);
	return check();
}

/** A document of `size` bytes, its file rewritten after the upload (the upload stays small). */
async function bigDocument(ctx: TestCtx, client: Parameters<typeof upload>[1], size: number) {
	const doc = await uploaded(await upload(ctx, client, PDF));
	const row = await ctx.db
		.selectFrom('document')
		.select('stored_name')
		.where('client_id', '=', doc.id)
		.executeTakeFirstOrThrow();
	const bytes = new Uint8Array(size);
	bytes.set(PDF);
	writeFileSync(join(ctx.dataDir, 'uploads', row.stored_name), bytes);
	await ctx.db.updateTable('document').set({ size }).where('client_id', '=', doc.id).execute();
	return doc;
}

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

describe('a justificatif’s file handle', () => {
	it('is never opened for a HEAD, which answers the GET’s headers from the row', async () => {
		const { ctx, client } = await dupins();
		const doc = await uploaded(await upload(ctx, client, PDF, { name: 'caf.pdf' }));
		const answers = [];
		for (let i = 0; i < 20; i++) answers.push(await client.request('HEAD', `/api/documents/${doc.id}/file`));
		expect(openUploads(ctx)).toBe(0);
		expect(answers[0]!.status).toBe(200);
		expect(Object.fromEntries(answers[0]!.headers)).toMatchObject({
			'content-type': 'application/pdf',
			'content-length': String(PDF.byteLength),
			'content-disposition': expect.stringMatching(/^attachment; filename="caf.pdf"/),
			'content-security-policy': "sandbox; default-src 'none'",
			'x-content-type-options': 'nosniff'
		});
		expect(await answers[0]!.text()).toBe('');
	});

	it('is closed when the download ends, and when its reader stops halfway', async () => {
		const { ctx, client } = await dupins();
		const doc = await bigDocument(ctx, client, 1024 * 1024);
		const whole = await client.get(`/api/documents/${doc.id}/file`);
		expect((await whole.arrayBuffer()).byteLength).toBe(1024 * 1024);
		expect(await eventually(() => openUploads(ctx) === 0)).toBe(true);
		const stopped = await client.get(`/api/documents/${doc.id}/file`);
		const reader = stopped.body!.getReader();
		await reader.read();
		expect(openUploads(ctx)).toBe(1);
		await reader.cancel();
		expect(await eventually(() => openUploads(ctx) === 0)).toBe(true);
	});

	it('is closed when the client goes away in the middle of a download over HTTP', async () => {
		const { ctx, client } = await dupins();
		const doc = await bigDocument(ctx, client, 10 * 1024 * 1024);
		const { port, close } = await new Promise<{ port: number; close: () => Promise<void> }>((resolve) => {
			const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
				resolve({ port: info.port, close: () => new Promise((done) => server.close(() => done())) })
			) as Server;
		});
		try {
			for (let i = 0; i < 5; i++) {
				await new Promise<void>((resolve, reject) => {
					const req = httpRequest({
						host: '127.0.0.1',
						port,
						path: `/api/documents/${doc.id}/file`,
						headers: { Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
					});
					req.on('response', (res) => {
						expect(res.statusCode).toBe(200);
						// The first bytes, then the client is gone: the rest is never read.
						res.once('data', () => {
							req.destroy();
							resolve();
						});
					});
					req.on('error', (error) => (req.destroyed ? resolve() : reject(error)));
					req.end();
				});
			}
			expect(await eventually(() => openUploads(ctx) === 0)).toBe(true);
		} finally {
			await close();
		}
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
