import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../src/lib/domain/documents/document-types.ts';
import { UPLOAD_KIND } from '../../src/lib/domain/sync/uploads.ts';
import { enqueue } from '../../src/lib/offline/outbox.ts';
import {
	chooseFile,
	forgetUnsentFile,
	NOT_ACCEPTED,
	TOO_LARGE
} from '../../src/lib/offline/requests/choose-file.ts';
import { deviceDatabases } from './support-device-databases.ts';

const databases = deviceDatabases('fiche-choose-file');
const FOR = { type: 'attestation-caf', personId: 3, personLabel: 'DUPIN Pascal' } as const;
const asIs = async (file: File) => file;
const pdf = (name = 'caf.pdf', size = 2_000) =>
	new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('a file chosen for a justificatif', () => {
	it('is kept on the device and queued for upload, named by the UUID the draft keeps', async () => {
		const db = databases.fresh();
		const chosen = await chooseFile(db, pdf(), FOR, asIs);
		if (!('documentId' in chosen)) throw new Error(chosen.error);
		const blob = await db.blobs.get(chosen.documentId);
		expect(blob).toMatchObject({ name: 'caf.pdf', mime: 'application/pdf', size: 2_000 });
		const [item] = await db.outbox.toArray();
		expect(item?.kind).toBe(UPLOAD_KIND);
		expect(item?.payload).toEqual({
			documentId: chosen.documentId,
			type: 'attestation-caf',
			personId: 3,
			personLabel: 'DUPIN Pascal',
			name: 'caf.pdf',
			mime: 'application/pdf',
			size: 2_000
		});
	});

	it('is refused with a French reason, nothing kept, when not a PDF, JPEG or PNG, or above 10 Mo', async () => {
		const db = databases.fresh();
		const gif = new File([new Uint8Array(10)], 'photo.gif', { type: 'image/gif' });
		expect(await chooseFile(db, gif, FOR, asIs)).toEqual({ error: NOT_ACCEPTED });
		expect(await chooseFile(db, pdf('gros.pdf', MAX_UPLOAD_BYTES + 1), FOR, asIs)).toEqual({
			error: TOO_LARGE
		});
		expect(await db.blobs.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('is a large photo made lighter first: the lighter one is kept, and then fits under 10 Mo', async () => {
		const db = databases.fresh();
		const photo = new File([new Uint8Array(MAX_UPLOAD_BYTES + 5)], 'IMG_0001.png', { type: 'image/png' });
		const lighter = new File([new Uint8Array(900_000)], 'IMG_0001.jpg', { type: 'image/jpeg' });
		const chosen = await chooseFile(db, photo, FOR, async () => lighter);
		if (!('documentId' in chosen)) throw new Error(chosen.error);
		expect(await db.blobs.get(chosen.documentId)).toMatchObject({ name: 'IMG_0001.jpg', size: 900_000 });
	});

	it('taken back before it was sent, leaves the outbox with its bytes; other changes stay', async () => {
		const db = databases.fresh();
		const first = await chooseFile(db, pdf('a.pdf'), FOR, asIs);
		const second = await chooseFile(db, pdf('b.pdf'), FOR, asIs);
		await enqueue(db, 'reservation.create.v1', {
			personId: 1,
			activityCode: 'restauration-midi',
			date: '2026-12-07'
		});
		if (!('documentId' in first) || !('documentId' in second)) throw new Error('refused');
		await forgetUnsentFile(db, first.documentId);
		expect(await db.blobs.get(first.documentId)).toBeUndefined();
		expect(await db.blobs.get(second.documentId)).toBeDefined();
		const left = (await db.outbox.toArray()).map(
			(i) => (i.payload as { documentId?: string }).documentId ?? i.kind
		);
		expect(left).toEqual([second.documentId, 'reservation.create.v1']);
	});
});
