import { serve } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../src/lib/domain/documents/document-types.ts';
import { uploadDirs } from '../../server/documents/upload-dirs.ts';
import { UPLOAD_SLOTS, UploadGate } from '../../server/documents/upload-gate.ts';
import { dupins } from './support/agenda.ts';
import { filesOnDisk, PDF, streamedBody, upload, uploaded } from './support/documents.ts';
import { expectError } from './support/expect.ts';
import { tempDir, type TestCtx } from './support/test-app.ts';

/** Bytes of the file being written under uploads/partial (0 before it exists). */
function partialBytes(ctx: TestCtx): number {
	const [name] = filesOnDisk(ctx).partial;
	return name ? statSync(join(ctx.dataDir, 'uploads', 'partial', name)).size : 0;
}

/** A body that sends its first chunk, then waits for `finish()` to send the rest. */
function heldBody(total: number) {
	let finish = () => {};
	const released = new Promise<void>((resolve) => (finish = resolve));
	let sent = 0;
	const stream = new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				if (sent > 0) await released;
				if (sent >= total) return controller.close();
				const piece = new Uint8Array(Math.min(8192, total - sent));
				if (sent === 0) piece.set(PDF);
				sent += piece.byteLength;
				controller.enqueue(piece);
			}
		},
		{ highWaterMark: 0 }
	);
	return { stream, finish };
}

describe('an upload', () => {
	it('is written to disk as it arrives: 10 MB never wait in memory more than a few chunks', async () => {
		const { ctx, client } = await dupins();
		let widestGap = 0;
		// Before each read the server asks for, what it has read and not yet written to disk.
		const body = streamedBody(PDF, MAX_UPLOAD_BYTES, 64 * 1024, (pulled) => {
			widestGap = Math.max(widestGap, pulled - partialBytes(ctx));
		});
		const doc = await uploaded(await upload(ctx, client, body.stream, { length: MAX_UPLOAD_BYTES }));
		expect(doc.size).toBe(MAX_UPLOAD_BYTES);
		expect(body.state.pulled).toBe(MAX_UPLOAD_BYTES);
		// One chunk read ahead of the disk at most (and the head file-type reads, within it).
		expect(widestGap).toBeLessThanOrEqual(2 * 64 * 1024);
		expect(filesOnDisk(ctx).partial).toEqual([]);
	});

	it(`runs at most ${UPLOAD_SLOTS.household} at once for a household; the next is asked to retry (503)`, async () => {
		const { ctx, client } = await dupins();
		const held = Array.from({ length: UPLOAD_SLOTS.household }, () => heldBody(100_000));
		const running = held.map((h) => upload(ctx, client, h.stream, { length: 100_000 }));
		await setTimeout(50);
		const refused = await upload(ctx, client, PDF);
		await expectError(refused, 503, { code: 'uploads_busy' });
		expect(refused.headers.get('retry-after')).toBe('5');
		for (const h of held) h.finish();
		for (const res of await Promise.all(running)) expect(res.status).toBe(201);
		expect((await upload(ctx, client, PDF)).status).toBe(201);
	});
});

describe('the upload gate', () => {
	it('holds the town to its slots, and gives each back once', () => {
		const gate = new UploadGate({ town: 2, household: 1 });
		const first = gate.enter(1);
		expect(() => gate.enter(1)).toThrow(/plusieurs fichiers/);
		const second = gate.enter(2);
		expect(() => gate.enter(3)).toThrow(/plusieurs fichiers/);
		first();
		first();
		const third = gate.enter(3);
		expect(() => gate.enter(1)).toThrow(/plusieurs fichiers/);
		second();
		third();
		gate.enter(1);
	});

	it(`lets ${UPLOAD_SLOTS.town} households of the town upload at once (the issue's 10), not one more`, () => {
		expect(UPLOAD_SLOTS.town).toBeGreaterThanOrEqual(10);
		const gate = new UploadGate();
		for (let household = 1; household <= UPLOAD_SLOTS.town; household++) gate.enter(household);
		expect(() => gate.enter(UPLOAD_SLOTS.town + 1)).toThrow(/plusieurs fichiers/);
	});
});

/** The app on a real socket, as `npm start` serves it. */
async function listening(ctx: TestCtx): Promise<{ port: number; close: () => Promise<void> }> {
	return new Promise((resolve) => {
		const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
			resolve({ port: info.port, close: () => new Promise((done) => server.close(() => done())) })
		) as Server;
	});
}

const write = (req: ClientRequest, bytes: Uint8Array) =>
	new Promise<void>((resolve, reject) => req.write(bytes, (error) => (error ? reject(error) : resolve())));

describe('an upload over HTTP', () => {
	it('has its first half on disk before its second half is sent', async () => {
		const { ctx, client } = await dupins();
		const { port, close } = await listening(ctx);
		const half = MAX_UPLOAD_BYTES / 2;
		const piece = new Uint8Array(64 * 1024);
		const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
			const req = httpRequest({
				host: '127.0.0.1',
				port,
				method: 'PUT',
				path: `/api/documents/${randomUUID()}?type=livret-famille&name=livret.pdf`,
				headers: {
					Origin: 'http://localhost',
					'Content-Type': 'application/pdf',
					'Content-Length': String(MAX_UPLOAD_BYTES),
					'X-Forwarded-For': '192.0.2.10',
					Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
				}
			});
			req.on('response', (res) => {
				let body = '';
				res.on('data', (chunk: Buffer) => (body += chunk.toString()));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
			});
			req.on('error', reject);
			void (async () => {
				await write(req, PDF);
				for (let sent = PDF.byteLength; sent < half; sent += piece.byteLength) {
					await write(req, piece.subarray(0, Math.min(piece.byteLength, half - sent)));
				}
				// A route that held the body until its end would have written nothing yet.
				const deadline = Date.now() + 5_000;
				while (partialBytes(ctx) < half && Date.now() < deadline) await setTimeout(10);
				expect(partialBytes(ctx)).toBe(half);
				for (let sent = half; sent < MAX_UPLOAD_BYTES; sent += piece.byteLength) await write(req, piece);
				req.end();
			})().catch(reject);
		});
		try {
			const { status, body } = await answer;
			expect(status, body).toBe(201);
			expect(filesOnDisk(ctx)).toMatchObject({ partial: [] });
		} finally {
			await close();
		}
	});
});

describe('the uploads folder', () => {
	it('is never under the built app, and loses at start what a stopped server left half written', () => {
		const data = tempDir();
		expect(() => uploadDirs(data, data)).toThrow(/ne doit pas être dans APP_DIR/);
		expect(() => uploadDirs(join(data, 'build', 'x'), join(data, 'build'))).toThrow(/APP_DIR/);
		const dirs = uploadDirs(data, join(data, 'build'));
		expect(dirs).toEqual({ files: join(data, 'uploads'), partial: join(data, 'uploads', 'partial') });
		writeFileSync(join(dirs.partial, 'interrompu'), 'moitié');
		writeFileSync(join(dirs.files, 'abc.pdf'), '%PDF-');
		uploadDirs(data, join(data, 'build'));
		expect(readdirSync(dirs.partial)).toEqual([]);
		expect(readdirSync(dirs.files)).toEqual(['abc.pdf', 'partial']);
	});
});
