import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'hono';
import type { CurrentAccount } from '../accounts/sessions.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { attachmentDisposition } from './content-disposition.ts';
import { findFile } from './document-repository.ts';
import type { UploadDirs } from './upload-dirs.ts';

const notFound = () => new AppError(404, 'not_found', 'Justificatif introuvable.');

/** What one read of a download takes from the disk and hands to the socket. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The file as a stream that closes its handle itself: at its end, on a read error, when the
 * answer is cancelled (the socket closed under it) and when the request is aborted. A handle left
 * to the garbage collector would hold a descriptor the connections need (Node warns, and a future
 * Node throws).
 */
function fileStream(handle: FileHandle, signal: AbortSignal): ReadableStream<Uint8Array> {
	let closed = false;
	const close = async () => {
		if (closed) return;
		closed = true;
		signal.removeEventListener('abort', onAbort);
		await handle.close().catch(() => undefined);
	};
	const onAbort = () => void close();
	signal.addEventListener('abort', onAbort, { once: true });
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				try {
					const chunk = new Uint8Array(CHUNK_BYTES);
					const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
					if (bytesRead === 0) {
						await close();
						controller.close();
					} else controller.enqueue(chunk.subarray(0, bytesRead));
				} catch (error) {
					await close();
					controller.error(error);
				}
			},
			cancel: close
		},
		// Read when the socket asks, not ahead of it.
		{ highWaterMark: 0 }
	);
}

/** A stored file's row: what its answer needs. */
export type StoredFile = { stored_name: string; original_name: string; mime: string; size: number };

/**
 * Streams a stored file with `headers` (its type, length and the caller's disposition and
 * policy). A HEAD is answered from the row: no body is sent, so no file is opened.
 */
export async function sendStoredFile(
	c: Context,
	dirs: UploadDirs,
	file: StoredFile,
	headers: Record<string, string>
): Promise<Response> {
	const all = {
		...headers,
		'Content-Type': file.mime,
		'Content-Length': String(file.size),
		'X-Content-Type-Options': 'nosniff',
		'Cache-Control': 'private, no-store'
	};
	if (c.req.method === 'HEAD') {
		c.set('answerComplete', true);
		return new Response(null, { status: 200, headers: all });
	}
	const handle = await open(join(dirs.files, file.stored_name), 'r').catch(() => null);
	if (!handle) {
		console.error(`[justificatifs] fichier absent du disque : ${file.stored_name}`);
		throw notFound();
	}
	c.set('answerComplete', true);
	return new Response(fileStream(handle, c.req.raw.signal), { status: 200, headers: all });
}

/**
 * A justificatif's file for its own household only (another's is "introuvable", as an unknown
 * one), streamed from disk. Always a download, never a page of the portal: a PDF or an image
 * opened in place could run in the portal's origin, so it is sandboxed and never sniffed.
 */
export async function downloadDocument(
	c: Context,
	db: Db,
	dirs: UploadDirs,
	account: CurrentAccount,
	clientId: string
): Promise<Response> {
	const file = await findFile(db, account.householdId, clientId);
	if (!file) throw notFound();
	return sendStoredFile(c, dirs, file, {
		...c.get('securityHeaders'),
		'Content-Disposition': attachmentDisposition(file.original_name),
		'Content-Security-Policy': "sandbox; default-src 'none'"
	});
}
