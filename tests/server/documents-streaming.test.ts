import { serve } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../src/lib/domain/documents/document-types.ts';
import { uploadDirs } from '../../server/documents/upload-dirs.ts';
import { MIN_THROUGHPUT, UploadBody } from '../../server/documents/upload-body.ts';
import { UPLOAD_SLOTS, UploadGate } from '../../server/documents/upload-gate.ts';
import { dupins, withMartinFamily } from './support/agenda.ts';
import { filesOnDisk, PDF, png, streamedBody, upload, uploaded, uploadRequest } from './support/documents.ts';
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

	it(`runs at most ${UPLOAD_SLOTS.address} at once from one address, whichever households send them`, async () => {
		const { ctx, client } = await dupins();
		const martin = await withMartinFamily(ctx);
		// Both households send from the address uploadRequest gives: 192.0.2.10.
		const held = Array.from({ length: UPLOAD_SLOTS.address }, () => heldBody(100_000));
		const running = held.map((h, i) =>
			upload(ctx, i < UPLOAD_SLOTS.household ? client : martin.client, h.stream, { length: 100_000 })
		);
		await setTimeout(50);
		await expectError(await upload(ctx, martin.client, png()), 503, { code: 'uploads_busy' });
		const elsewhere = uploadRequest(martin.client, png());
		elsewhere.headers.set('X-Forwarded-For', '198.51.100.7');
		expect((await ctx.app.request(elsewhere)).status).toBe(201);
		for (const h of held) h.finish();
		for (const res of await Promise.all(running)) expect(res.status).toBe(201);
	});
});

/** A body of `pieces` chunks of `size` bytes, one every `everyMs` (real time). */
function trickle(pieces: number, size: number, everyMs: number) {
	let sent = 0;
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				if (sent === pieces) return controller.close();
				if (sent > 0) await setTimeout(everyMs);
				sent++;
				controller.enqueue(new Uint8Array(size));
			}
		},
		{ highWaterMark: 0 }
	);
}

async function readAll(body: UploadBody): Promise<number> {
	let bytes = 0;
	for (let chunk = await body.read(); chunk; chunk = await body.read()) bytes += chunk.byteLength;
	return bytes;
}

describe('an upload’s body', () => {
	const floor = { bytes: 1000, ms: 300 };

	it('is read while it keeps to the floor, the last window needing only what is left of it', async () => {
		expect(MIN_THROUGHPUT).toEqual({ bytes: 32 * 1024, ms: 5_000 });
		expect(await readAll(new UploadBody(trickle(6, 1000, 100), 6000, floor))).toBe(6000);
		// 1000 at once, then the 200 left in the next window: enough for a body of 1200.
		expect(await readAll(new UploadBody(trickle(2, 600, 200), 1200, floor))).toBe(1200);
	});

	it('is refused (408, in French) when less than the floor arrives in a window, or nothing at all', async () => {
		const slow = new UploadBody(trickle(100, 100, 60), 10_000, floor);
		const started = Date.now();
		await expect(readAll(slow)).rejects.toMatchObject({
			status: 408,
			code: 'upload_too_slow',
			message:
				'Le fichier arrive trop lentement (connexion faible ?). Il reste sur cet appareil : nouvel essai plus tard.'
		});
		expect(Date.now() - started).toBeLessThan(2_000);
		await slow.settle(); // cut, not drained: a too slow body is not waited for
		expect(slow.received).toBeLessThan(1000);
		const silent = new UploadBody(new ReadableStream<Uint8Array>(), 5000, floor);
		await expect(silent.read()).rejects.toMatchObject({ status: 408 });
	});
});

describe('a slow upload', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it(`is cut after ${MIN_THROUGHPUT.ms / 1000} s with less than ${MIN_THROUGHPUT.bytes / 1024} KiB, giving its slot back`, async () => {
		const { ctx, client } = await dupins();
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const held = Array.from({ length: UPLOAD_SLOTS.household }, () => heldBody(100_000));
		const running = held.map((h) => upload(ctx, client, h.stream, { length: 100_000 }));
		// Each one reading (its partial file open), on the real clock, before the fake one moves.
		const deadline = Date.now() + 5_000;
		while (filesOnDisk(ctx).partial.length < held.length && Date.now() < deadline) await setTimeout(10);
		await setTimeout(50);
		await vi.advanceTimersByTimeAsync(MIN_THROUGHPUT.ms - 100);
		await expectError(await upload(ctx, client, PDF), 503, { code: 'uploads_busy' });
		await vi.advanceTimersByTimeAsync(200);
		for (const res of await Promise.all(running)) {
			await expectError(res, 408, { code: 'upload_too_slow', message: /trop lentement/ });
		}
		vi.useRealTimers();
		expect((await upload(ctx, client, PDF)).status).toBe(201);
		expect(filesOnDisk(ctx)).toMatchObject({ files: [expect.any(String)], partial: [] });
	});
});

describe('the upload gate', () => {
	const here = '192.0.2.10';
	it('holds the town to its slots, and gives each back once', () => {
		const gate = new UploadGate({ town: 2, household: 1, address: 2 });
		const first = gate.enter(1, here);
		expect(() => gate.enter(1, '192.0.2.11')).toThrow(/plusieurs fichiers/);
		const second = gate.enter(2, '192.0.2.11');
		expect(() => gate.enter(3, '192.0.2.12')).toThrow(/plusieurs fichiers/);
		first();
		first();
		const third = gate.enter(3, '192.0.2.12');
		expect(() => gate.enter(1, here)).toThrow(/plusieurs fichiers/);
		second();
		third();
		gate.enter(1, here);
	});

	it(`lets ${UPLOAD_SLOTS.town} households of the town upload at once (the issue's 10), not one more`, () => {
		expect(UPLOAD_SLOTS.town).toBeGreaterThanOrEqual(10);
		const gate = new UploadGate();
		for (let household = 1; household <= UPLOAD_SLOTS.town; household++) {
			gate.enter(household, `192.0.2.${household}`);
		}
		expect(() => gate.enter(UPLOAD_SLOTS.town + 1, '192.0.2.200')).toThrow(/plusieurs fichiers/);
	});

	it(`gives one address ${UPLOAD_SLOTS.address} slots, whatever the accounts it signs in with`, () => {
		expect(UPLOAD_SLOTS.address).toBeGreaterThanOrEqual(UPLOAD_SLOTS.household);
		expect(UPLOAD_SLOTS.address).toBeLessThan(UPLOAD_SLOTS.town / 2);
		const gate = new UploadGate();
		const held = [];
		for (let i = 0; i < UPLOAD_SLOTS.address; i++) held.push(gate.enter(100 + i, here));
		expect(() => gate.enter(200, here)).toThrow(/plusieurs fichiers/);
		// Another address still gets a place, and the first gets one back when a file is over.
		gate.enter(201, '2001:db8::1');
		held[0]!();
		gate.enter(202, here);
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

describe('an upload answered before its body is read, over HTTP', () => {
	it('reaches the sender as its answer (200 on file, 409 taken), not as a reset connection', async () => {
		const { ctx, client } = await dupins();
		const martin = await withMartinFamily(ctx);
		const id = randomUUID();
		await uploaded(await upload(ctx, client, PDF, { id }));
		const { port, close } = await listening(ctx);
		// Large enough to be still on its way when the answer is ready.
		const body = new Uint8Array(512 * 1024);
		body.set(PDF);
		const send = async (who: typeof client) => {
			const request = uploadRequest(who, body, { id });
			try {
				const res = await fetch(
					`http://127.0.0.1:${port}${new URL(request.url).pathname}${new URL(request.url).search}`,
					{
						method: 'PUT',
						headers: request.headers,
						body
					}
				);
				const answer = (await res.json()) as { document?: unknown; error?: { code: string } };
				return `${res.status} ${answer.error?.code ?? 'document'}`;
			} catch (error) {
				return `réseau ${(error as { cause?: { code?: string } }).cause?.code ?? String(error)}`;
			}
		};
		try {
			const answers: string[] = [];
			for (let i = 0; i < 10; i++) answers.push(await send(client), await send(martin.client));
			expect(answers).toEqual(Array.from({ length: 10 }, () => ['200 document', '409 conflict']).flat());
		} finally {
			await close();
		}
		expect(filesOnDisk(ctx)).toMatchObject({ files: [expect.any(String)], partial: [] });
	}, 20_000);
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
