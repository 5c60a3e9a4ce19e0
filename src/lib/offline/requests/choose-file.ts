import { scalePhoto } from '../../documents/scale-photo.ts';
import {
	MAX_UPLOAD_BYTES,
	UPLOAD_MIME_TYPES,
	type DocumentTypeCode
} from '../../domain/documents/document-types.ts';
import { UPLOAD_KIND } from '../../domain/sync/uploads.ts';
import type { PortailDatabase } from '../database.ts';
import { queueUpload } from '../uploads.ts';

export const NOT_ACCEPTED = 'Ce fichier n’est ni un PDF, ni une image JPEG ou PNG : choisissez-en un autre.';
export const TOO_LARGE = 'Ce fichier dépasse 10 Mo : choisissez un fichier plus léger.';

/** What the browser can tell of a file before keeping it (the server checks its bytes again). */
export function fileProblem(file: { type: string; size: number }): string | null {
	if (!(UPLOAD_MIME_TYPES as readonly string[]).includes(file.type)) return NOT_ACCEPTED;
	if (file.size > MAX_UPLOAD_BYTES) return TOO_LARGE;
	return null;
}

export type ChosenFor = { type: DocumentTypeCode; personId: number | null; personLabel: string | null };

/**
 * A file chosen for a justificatif: a large photo made lighter first (so one from a phone's
 * camera fits under 10 Mo), checked, then kept on the device and queued for upload (offline too).
 * Its UUID is what the draft's answers name; the sync engine sends it before what is queued after.
 */
export async function chooseFile(
	db: PortailDatabase,
	picked: File,
	chosenFor: ChosenFor,
	scale: (file: File) => Promise<File> = scalePhoto
): Promise<{ documentId: string } | { error: string }> {
	if (!(UPLOAD_MIME_TYPES as readonly string[]).includes(picked.type)) return { error: NOT_ACCEPTED };
	// A photo that cannot be redrawn (a browser without canvas) goes as it is, if small enough.
	const file = await scale(picked).catch(() => picked);
	const problem = fileProblem(file);
	if (problem) return { error: problem };
	const documentId = crypto.randomUUID();
	await queueUpload(db, file, { documentId, ...chosenFor, name: file.name || picked.name });
	return { documentId };
}

/**
 * A file replaced or unchosen before it left the device: taken out of the outbox with its bytes,
 * so the town never receives a justificatif the parent took back. One already sent stays on file.
 */
export async function forgetUnsentFile(db: PortailDatabase, documentId: string): Promise<void> {
	await db.transaction('rw', db.outbox, db.blobs, async () => {
		const items = await db.outbox.toArray();
		const ids = items
			.filter(
				(i) => i.kind === UPLOAD_KIND && (i.payload as { documentId?: string })?.documentId === documentId
			)
			.map((i) => i.seq!);
		await db.outbox.bulkDelete(ids);
		await db.blobs.delete(documentId);
	});
}
