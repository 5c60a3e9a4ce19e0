import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../../src/lib/api/client.ts';
import { apiTransport } from '../../src/lib/offline/api-transport.ts';
import { sendUpload } from '../../src/lib/offline/upload-step.ts';
import { queueUpload } from '../../src/lib/offline/uploads.ts';
import { deviceDatabases } from './support-device-databases.ts';

const databases = deviceDatabases('upload-reset');
const at = () => '2026-11-28T09:00:00.000Z';

afterEach(() => {
	vi.unstubAllGlobals();
});

async function queued() {
	const db = databases.fresh();
	const item = await queueUpload(db, new Blob(['%PDF-1.7 attestation'], { type: 'application/pdf' }), {
		documentId: crypto.randomUUID(),
		type: 'attestation-caf',
		personId: null,
		personLabel: null,
		name: 'attestation caf.pdf'
	});
	return { db, item };
}

/** The file and its place in the outbox are still on the device, and no outcome was written. */
async function expectKept(db: Awaited<ReturnType<typeof queued>>['db']) {
	expect(await db.outbox.count()).toBe(1);
	expect(await db.blobs.count()).toBe(1);
	expect(await db.outcomes.count()).toBe(0);
}

describe('a file whose upload the network cuts', () => {
	it('stays in the outbox, to be sent again later, when the connection is reset mid-upload', async () => {
		const { db, item } = await queued();
		// What fetch() gives when the server closes under an upload (Chrome: "Failed to fetch";
		// undici: UND_ERR_SOCKET "other side closed"; EPIPE while the body is written).
		for (const cause of ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']) {
			vi.stubGlobal(
				'fetch',
				vi.fn(async () => {
					throw new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: cause }) });
				})
			);
			const sent = sendUpload(db, (p, blob) => apiTransport.upload(p, blob), item, at);
			await expect(sent).rejects.toBeInstanceOf(NetworkError);
			await expectKept(db);
		}
	});

	it('stays too when the server asks to retry: too slow (408), busy (503), disk full (507)', async () => {
		const { db, item } = await queued();
		for (const [status, code] of [
			[408, 'upload_too_slow'],
			[503, 'uploads_busy'],
			[507, 'storage_full']
		] as const) {
			vi.stubGlobal(
				'fetch',
				vi.fn(
					async () =>
						new Response(JSON.stringify({ error: { code, message: 'Nouvel essai plus tard.' } }), { status })
				)
			);
			const sent = sendUpload(db, (p, blob) => apiTransport.upload(p, blob), item, at);
			await expect(sent).rejects.toMatchObject({ status, code });
			await expect(sent).rejects.toBeInstanceOf(ApiError);
			await expectKept(db);
		}
	});

	it('leaves the outbox with the server’s reason when the household’s 200 Mo are reached (413)', async () => {
		const { db, item } = await queued();
		const message = 'Avec ce fichier, les justificatifs de votre foyer dépasseraient 200 Mo, le maximum.';
		vi.stubGlobal(
			'fetch',
			vi.fn(
				async () =>
					new Response(JSON.stringify({ error: { code: 'quota_exceeded', message } }), { status: 413 })
			)
		);
		await sendUpload(db, (p, blob) => apiTransport.upload(p, blob), item, at);
		expect(await db.outbox.count()).toBe(0);
		expect(await db.outcomes.toArray()).toEqual([
			expect.objectContaining({ status: 'rejected', code: 'quota_exceeded', reason: message })
		]);
	});
});
