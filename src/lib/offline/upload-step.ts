import { ApiError } from '../api/client.ts';
import {
	FINAL_UPLOAD_REFUSALS,
	MISSING_FILE,
	MISSING_FILE_CODE,
	type UploadPayload
} from '../domain/sync/uploads.ts';
import type { OutboxItem, PortailDatabase } from './database.ts';
import { settleUpload } from './outbox.ts';

/**
 * Sends one file of the outbox (a `document.upload.v1` item), alone. Sent: out of the outbox with
 * its file. Refused for good (FINAL_UPLOAD_REFUSALS), or evicted from the device: out too, with
 * the reason kept for the parent. Anything else (offline, 5xx, 401) is thrown as a push failure
 * is: the file stays, and is sent again later.
 */
export async function sendUpload(
	db: PortailDatabase,
	upload: (payload: UploadPayload, blob: Blob) => Promise<unknown>,
	item: OutboxItem,
	at: () => string
): Promise<void> {
	const payload = item.payload as UploadPayload;
	const documentId = typeof payload?.documentId === 'string' ? payload.documentId : '';
	const stored = documentId ? await db.blobs.get(documentId) : undefined;
	if (!stored) {
		const refusal = { code: MISSING_FILE_CODE, reason: MISSING_FILE };
		return settleUpload(db, item, documentId, refusal, at());
	}
	try {
		await upload(payload, stored.blob);
	} catch (error) {
		if (!(error instanceof ApiError) || !FINAL_UPLOAD_REFUSALS.includes(error.status)) throw error;
		const fields = Object.keys(error.fields).length > 0 ? { fields: error.fields } : {};
		const refusal = { code: error.code, reason: error.message, ...fields };
		return settleUpload(db, item, documentId, refusal, at());
	}
	await settleUpload(db, item, documentId, null, at());
}
