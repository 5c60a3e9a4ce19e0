import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { MISSING_FILE } from '../../src/lib/domain/sync/uploads.ts';
import { agendaResource } from '../../src/lib/offline/agenda-resource.ts';
import { enqueue, pendingChanges } from '../../src/lib/offline/outbox.ts';
import { SyncEngine } from '../../src/lib/offline/sync-engine.ts';
import { queueUpload } from '../../src/lib/offline/uploads.ts';
import { deviceDatabases } from './support-device-databases.ts';
import { FakeSyncServer, TIM } from './support-fake-sync-server.ts';

const databases = deviceDatabases('sync-uploads');

function setup() {
	const db = databases.fresh();
	const server = new FakeSyncServer();
	const statuses: string[] = [];
	const agenda = agendaResource(db, server, () => ({ from: '2026-12-01', to: '2027-02-28' }));
	const engine = new SyncEngine(db, server, {
		resources: () => [agenda],
		onStatus: (s) => statuses.push(s),
		maxRetryDelay: 1_000_000
	});
	afterEach(() => engine.stop());
	return { db, server, engine, statuses };
}

const DEMANDE = '4f0c2a52-5a4e-4c55-9a53-0c1b5d1e7a01';
const pdf = (text = '%PDF-1.7 attestation') => new Blob([text], { type: 'application/pdf' });
const book = (date: string) => ({ personId: TIM.id, activityCode: 'restauration-midi', date });
const demande = (documentId: string) => ({
	demandeId: DEMANDE,
	formCode: 'fiche-enfant',
	writerId: '1d8f3a6e-7b0c-4f2e-8a51-2b3c4d5e6f70',
	baseRevision: 0,
	step: 6,
	data: { justificatifs: { 'attestation-caf': { choice: 'envoyer', documentId } } },
	savedAt: '2026-11-28T08:55:00.000Z'
});

function upload(db: Parameters<typeof queueUpload>[0], documentId = crypto.randomUUID()) {
	return queueUpload(db, pdf(), {
		documentId,
		type: 'attestation-caf',
		personId: TIM.id,
		personLabel: 'Tim DUPIN',
		name: 'attestation caf.pdf'
	});
}

describe('files to upload, in outbox order', () => {
	it('sends a file in its place: the mutations before it, the file, then the submission naming it', async () => {
		const { db, server, engine, statuses } = setup();
		const before = await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
		const file = await upload(db);
		const documentId = (file.payload as { documentId: string }).documentId;
		const submit = await enqueue(db, 'demande.submit.v1', demande(documentId));
		server.answerDemande = (m) => ({
			id: m.id,
			status: 'applied',
			// The submission finds its file on the server, or the test says so.
			demande: { number: server.files.has(documentId) ? 12 : -1, revision: 1, status: 'envoyee' }
		});
		await engine.sync();
		expect(statuses.at(-1)).toBe('idle');
		expect(server.log).toEqual([`push:${before.id}`, `upload:${documentId}`, `push:${submit.id}`]);
		expect(server.files.get(documentId)).toMatchObject({
			payload: { type: 'attestation-caf', personId: TIM.id, mime: 'application/pdf', size: 20 },
			size: 20
		});
		expect(await pendingChanges(db)).toEqual([]);
		expect(await db.blobs.count()).toBe(0);
		// The submission's number stays for the parent to see; the plain booking needs no word.
		expect(await db.outcomes.toArray()).toEqual([
			expect.objectContaining({
				id: submit.id,
				status: 'applied',
				demande: { number: 12, revision: 1, status: 'envoyee' }
			})
		]);
	});

	const refusals = [
		[400, 'invalid_fields', 'Le type de justificatif est inconnu.'],
		[409, 'conflict', 'Ce fichier appartient déjà à un autre foyer.'],
		[413, 'too_large', 'Le fichier dépasse 10 Mo : choisissez un fichier plus léger.'],
		[415, 'unsupported_type', 'Seuls les fichiers PDF, JPEG et PNG sont acceptés.']
	] as const;
	for (const [status, code, message] of refusals) {
		it(`takes a file refused with ${status} out of the outbox with the server's reason, and goes on`, async () => {
			const { db, server, engine, statuses } = setup();
			const file = await upload(db);
			const after = await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
			server.uploadChaos = { status, code, message, ...(status === 400 && { fields: { type: message } }) };
			await engine.sync();
			expect(statuses.at(-1)).toBe('idle');
			expect(await pendingChanges(db)).toEqual([]);
			expect(await db.blobs.count()).toBe(0);
			expect(server.log).toEqual([
				`upload:${(file.payload as { documentId: string }).documentId}`,
				`push:${after.id}`
			]);
			const [outcome] = await db.outcomes.toArray();
			expect(outcome).toMatchObject({
				id: file.id,
				kind: 'document.upload.v1',
				status: 'rejected',
				code,
				reason: message
			});
			expect(outcome?.fields).toEqual(status === 400 ? { type: message } : undefined);
		});
	}

	for (const [chaos, status] of [
		['down', 'offline'],
		['server-error', 'offline'],
		['unauthorized', 'sign-in']
	] as const) {
		it(`keeps the file and what follows it when the upload meets ${chaos}, then sends them`, async () => {
			const { db, server, engine, statuses } = setup();
			const file = await upload(db);
			await enqueue(db, 'reservation.create.v1', book('2026-12-03'));
			server.uploadChaos = chaos;
			await engine.sync();
			expect(statuses.at(-1)).toBe(status);
			expect(await pendingChanges(db)).toHaveLength(2);
			expect(await db.blobs.count()).toBe(1);
			expect(server.pushes).toEqual([]); // nothing queued after the file went before it
			server.uploadChaos = 'none';
			await engine.sync();
			expect(statuses.at(-1)).toBe('idle');
			expect(await pendingChanges(db)).toEqual([]);
			expect(await db.blobs.count()).toBe(0);
			expect(server.files.has((file.payload as { documentId: string }).documentId)).toBe(true);
			expect(server.reservations).toEqual([book('2026-12-03')]);
		});
	}

	it('says the file must be chosen again when the device lost it, without asking the server', async () => {
		const { db, server, engine, statuses } = setup();
		const file = await upload(db);
		await db.blobs.clear(); // evicted by the browser
		await engine.sync();
		expect(statuses.at(-1)).toBe('idle');
		expect(server.log).toEqual([]);
		expect(await pendingChanges(db)).toEqual([]);
		expect(await db.outcomes.toArray()).toEqual([
			expect.objectContaining({
				id: file.id,
				status: 'rejected',
				code: 'fichier-absent',
				reason: MISSING_FILE
			})
		]);
	});
});

describe('answers to demandes', () => {
	it('keeps the fields of a refused submission and the version of a draft saved elsewhere', async () => {
		const { db, server, engine } = setup();
		const submit = await enqueue(db, 'demande.submit.v1', demande(crypto.randomUUID()));
		const save = await enqueue(db, 'demande.save.v1', demande(crypto.randomUUID()));
		const fields = { 'enfant.dateNaissance': 'Indiquez la date de naissance.' };
		const conflict = { revision: 4, updatedAt: '2026-11-28T08:58:00.000Z' };
		server.answerDemande = (m) =>
			m.kind === 'demande.submit.v1'
				? {
						id: m.id,
						status: 'rejected',
						code: 'demande-invalide',
						reason: 'Certains champs sont à corriger.',
						fields
					}
				: {
						id: m.id,
						status: 'rejected',
						code: 'brouillon-modifie',
						reason: 'Modifié sur un autre appareil.',
						conflict
					};
		await engine.sync();
		expect(await db.outcomes.get(submit.id)).toMatchObject({
			status: 'rejected',
			code: 'demande-invalide',
			fields
		});
		expect(await db.outcomes.get(save.id)).toMatchObject({
			status: 'rejected',
			code: 'brouillon-modifie',
			conflict
		});
	});

	it('answers a kind the server has no handler for as rejected, kept for the parent', async () => {
		const { db, engine } = setup();
		const save = await enqueue(db, 'demande.save.v1', demande(crypto.randomUUID()));
		await engine.sync();
		expect(await db.outcomes.get(save.id)).toMatchObject({ status: 'rejected', code: 'non-pris-en-charge' });
	});
});
