import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UPLOAD_MIME_TYPES } from '../../src/lib/domain/documents/document-types.ts';
import { AppError } from '../http/errors.ts';
import type { UploadBody } from './upload-body.ts';
import type { UploadDirs } from './upload-dirs.ts';

/** Enough of a file's start for file-type to tell PDF, JPEG and PNG apart from anything else. */
const SNIFF_BYTES = 4100;

type UploadMime = (typeof UPLOAD_MIME_TYPES)[number];

const EXTENSIONS: Record<UploadMime, string> = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/png': 'png'
};

export const tooLarge = (max: number) =>
	new AppError(
		413,
		'too_large',
		`Le fichier dépasse la taille maximale de ${Math.round(max / (1024 * 1024))} Mo.`
	);

export const unsupportedType = () =>
	new AppError(
		415,
		'unsupported_type',
		'Ce type de fichier n’est pas accepté : envoyez un PDF, une image JPEG ou une image PNG.'
	);

export type ReceivedFile = { path: string; storedName: string; mime: string; size: number; sha256: string };

async function detectedMime(head: Uint8Array): Promise<UploadMime> {
	// Loaded with the first upload, not at start (issue 11: the idle server's memory).
	const { fileTypeFromBuffer } = await import('file-type');
	const found = await fileTypeFromBuffer(head);
	const mime = UPLOAD_MIME_TYPES.find((m) => m === found?.mime);
	if (!mime) throw unsupportedType();
	return mime;
}

/**
 * Writes a body to disk as it arrives, one chunk at a time (never the whole file in memory),
 * hashing it on the way. Its first bytes decide its type before anything more is read; counting
 * stops it at `maxBytes` whatever its Content-Length said, and anything refused or cut short
 * leaves no file behind. Then it takes a random name, with no word of the sender's in it. What
 * is left of a body refused is the caller's (UploadBody.settle).
 */
export async function receiveFile(
	body: UploadBody,
	dirs: UploadDirs,
	expected: { size: number; maxBytes: number }
): Promise<ReceivedFile> {
	const partial = join(dirs.partial, randomUUID());
	const file = await open(partial, 'wx');
	const hash = createHash('sha256');
	let size = 0;
	let head: Uint8Array[] | null = [];
	let headSize = 0;
	let mime: UploadMime | undefined;
	try {
		for (;;) {
			const value = await body.read();
			if (!value) break;
			size += value.byteLength;
			body.cutAt(expected.maxBytes, () => tooLarge(expected.maxBytes));
			hash.update(value);
			if (head) {
				head.push(value);
				headSize += value.byteLength;
				if (headSize < SNIFF_BYTES) continue;
				mime = await detectedMime(Buffer.concat(head));
				for (const part of head) await file.write(part);
				head = null;
			} else {
				await file.write(value);
			}
		}
		if (head) {
			if (headSize === 0) throw new AppError(400, 'empty_file', 'Le fichier est vide.');
			mime = await detectedMime(Buffer.concat(head));
			for (const part of head) await file.write(part);
		}
		if (!mime) throw unsupportedType();
		if (size !== expected.size) {
			throw new AppError(400, 'incomplete', 'Le fichier n’est pas arrivé en entier. Veuillez le renvoyer.');
		}
		await file.sync();
		await file.close();
		const storedName = `${randomBytes(16).toString('hex')}.${EXTENSIONS[mime]}`;
		const path = join(dirs.files, storedName);
		await rename(partial, path);
		return { path, storedName, mime, size, sha256: hash.digest('hex') };
	} catch (error) {
		await file.close().catch(() => undefined);
		await rm(partial, { force: true });
		throw error;
	}
}
