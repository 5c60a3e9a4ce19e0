import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { DocumentView } from '../../../src/lib/domain/documents/document-view.ts';
import type { TestClient } from './http-client.ts';
import type { TestCtx } from './test-app.ts';

/** A real one-page PDF's start and end: file-type knows it by its first bytes. */
export const PDF = new TextEncoder().encode(
	'%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
		'2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
);

function crc32(bytes: Uint8Array): number {
	let crc = ~0;
	for (const byte of bytes) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

/** A valid 1×1 grey PNG. */
export function png(): Uint8Array {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(1, 0);
	header.writeUInt32BE(1, 4);
	header.set([8, 0, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
		chunk('IEND', new Uint8Array())
	]);
}

/** A JPEG's start (SOI, JFIF APP0), then `size` bytes in all. */
export function jpeg(size = 1024): Uint8Array {
	const bytes = new Uint8Array(size);
	bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
	return bytes;
}

export type UploadOptions = {
	id?: string;
	type?: string;
	name?: string;
	personId?: number;
	personLabel?: string;
	contentType?: string;
	/** The Content-Length header: the body's length unless given (null: none). */
	length?: number | null;
	origin?: string;
};

/** A PUT of raw bytes (or a stream) with the client's cookies, as the browser's engine sends it. */
export function uploadRequest(
	client: TestClient | null,
	body: Uint8Array | ReadableStream<Uint8Array>,
	options: UploadOptions = {}
): Request {
	const query = new URLSearchParams({
		type: options.type ?? 'attestation-caf',
		name: options.name ?? 'caf.pdf'
	});
	if (options.personId !== undefined) query.set('personId', String(options.personId));
	if (options.personLabel !== undefined) query.set('personLabel', options.personLabel);
	const length =
		options.length === undefined ? (body instanceof Uint8Array ? body.byteLength : null) : options.length;
	const headers: Record<string, string> = {
		Origin: options.origin ?? 'http://localhost',
		'Content-Type': options.contentType ?? 'application/pdf',
		'X-Forwarded-For': '192.0.2.10'
	};
	if (length !== null) headers['Content-Length'] = String(length);
	if (client) headers.Cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	return new Request(`http://localhost/api/documents/${options.id ?? randomUUID()}?${query}`, {
		method: 'PUT',
		headers,
		body,
		duplex: 'half'
	} as RequestInit);
}

export async function upload(
	ctx: TestCtx,
	client: TestClient | null,
	body: Uint8Array | ReadableStream<Uint8Array>,
	options: UploadOptions = {}
): Promise<Response> {
	return ctx.app.request(uploadRequest(client, body, options));
}

export async function uploaded(res: Response): Promise<DocumentView> {
	if (res.status !== 201 && res.status !== 200)
		throw new Error(`envoi refusé : ${res.status} ${await res.text()}`);
	return ((await res.json()) as { document: DocumentView }).document;
}

/** The files kept (`files`) and still arriving (`partial`) under DATA_DIR/uploads. */
export function filesOnDisk(ctx: TestCtx): { files: string[]; partial: string[] } {
	const dir = join(ctx.dataDir, 'uploads');
	return {
		files: readdirSync(dir).filter((name) => name !== 'partial'),
		partial: readdirSync(join(dir, 'partial'))
	};
}

/**
 * A body made on demand in `chunkSize` pieces, `total` bytes after `first`; `pulled` counts what
 * the server has read, and `onPull` sees each read before it is answered.
 */
export function streamedBody(
	first: Uint8Array,
	total: number,
	chunkSize = 64 * 1024,
	onPull?: (pulled: number) => void
) {
	const state = { pulled: 0 };
	const stream = new ReadableStream<Uint8Array>(
		{
			pull(controller) {
				onPull?.(state.pulled);
				if (state.pulled >= total) return controller.close();
				const size = Math.min(chunkSize, total - state.pulled);
				const piece = new Uint8Array(size);
				if (state.pulled < first.byteLength) piece.set(first.subarray(state.pulled, state.pulled + size));
				state.pulled += size;
				controller.enqueue(piece);
			}
			// Nothing made before the server asks: `pulled` is what it read.
		},
		{ highWaterMark: 0 }
	);
	return { stream, state };
}

export async function requestsVersion(ctx: TestCtx, householdId: number): Promise<number> {
	const row = await ctx.db
		.selectFrom('household_resource_version')
		.select('version')
		.where('household_id', '=', householdId)
		.where('resource', '=', 'requests')
		.executeTakeFirst();
	return row?.version ?? 0;
}
