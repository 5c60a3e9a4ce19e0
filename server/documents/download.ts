import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { CurrentAccount } from '../accounts/sessions.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { attachmentDisposition } from './content-disposition.ts';
import { findFile } from './document-repository.ts';
import type { UploadDirs } from './upload-dirs.ts';

const notFound = () => new AppError(404, 'not_found', 'Justificatif introuvable.');

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
	const handle = await open(join(dirs.files, file.stored_name), 'r').catch(() => null);
	if (!handle) {
		console.error(`[justificatifs] fichier absent du disque : ${file.stored_name}`);
		throw notFound();
	}
	const body = Readable.toWeb(handle.createReadStream());
	c.set('answerComplete', true);
	return new Response(body as ReadableStream<Uint8Array>, {
		status: 200,
		headers: {
			...c.get('securityHeaders'),
			'Content-Type': file.mime,
			'Content-Length': String(file.size),
			'Content-Disposition': attachmentDisposition(file.original_name),
			'Content-Security-Policy': "sandbox; default-src 'none'",
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		}
	});
}
