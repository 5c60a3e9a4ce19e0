import { UPLOAD_KIND, type UploadPayload } from '../domain/sync/uploads.ts';
import type { OutboxItem, PortailDatabase } from './database.ts';

/**
 * Keeps a file chosen for a justificatif and queues its upload, in one transaction: either both
 * are on the device, or neither. The sync engine sends it in outbox order (sync-engine.ts).
 */
export async function queueUpload(
	db: PortailDatabase,
	file: Blob,
	payload: Omit<UploadPayload, 'mime' | 'size'>,
	now: Date = new Date()
): Promise<OutboxItem> {
	const at = now.toISOString();
	const full: UploadPayload = { ...payload, mime: file.type, size: file.size };
	const item: OutboxItem = { id: crypto.randomUUID(), kind: UPLOAD_KIND, payload: full, createdAt: at };
	await db.transaction('rw', db.outbox, db.blobs, async () => {
		await db.blobs.put({
			id: payload.documentId,
			blob: file,
			name: payload.name,
			mime: file.type,
			size: file.size,
			createdAt: at
		});
		await db.outbox.add(item);
	});
	return item;
}
