import { isHouseholdPerson } from '../profile/household-person.ts';
import { rm } from 'node:fs/promises';
import type { DocumentView } from '../../src/lib/domain/documents/document-view.ts';
import type { UploadQuery } from '../../src/lib/domain/documents/upload-query.ts';
import type { CurrentAccount } from '../accounts/sessions.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../http/errors.ts';
import { ensureRoomFor } from './disk-floor.ts';
import {
	countDocuments,
	findByClientId,
	MAX_BYTES_PER_HOUSEHOLD,
	MAX_DOCUMENTS_PER_HOUSEHOLD,
	storedBytes,
	toDocumentView
} from './document-repository.ts';
import { bumpResourceVersion } from '../sync/resource-version.ts';
import { UploadBody } from './upload-body.ts';
import type { UploadDirs } from './upload-dirs.ts';
import { receiveFile, type ReceivedFile } from './upload-files.ts';
import type { UploadGate } from './upload-gate.ts';

export type Upload = {
	clientId: string;
	query: UploadQuery;
	/** The declared Content-Length, already checked against the limit. */
	size: number;
	maxBytes: number;
	body: ReadableStream<Uint8Array> | null;
	/** The sender's address (clientIp): its share of the upload gate. */
	from: string;
};
export type UploadAnswer = { document: DocumentView; created: boolean };

const taken = () =>
	new AppError(
		409,
		'conflict',
		'Cet identifiant de fichier est déjà utilisé. Veuillez choisir le fichier à nouveau.'
	);
const tooMany = () =>
	new AppError(
		409,
		'too_many_documents',
		`Votre foyer a déjà ${MAX_DOCUMENTS_PER_HOUSEHOLD} justificatifs enregistrés, le maximum. Contactez la mairie pour en retirer.`
	);

const overQuota = () =>
	new AppError(
		413,
		'quota_exceeded',
		`Avec ce fichier, les justificatifs de votre foyer dépasseraient ${MAX_BYTES_PER_HOUSEHOLD / (1024 * 1024)} Mo, le maximum. Contactez la mairie pour en retirer.`
	);

/** Whether the household's library can take `size` more bytes, as one more document. */
async function checkRoom(db: Parameters<typeof countDocuments>[0], householdId: number, size: number) {
	if ((await countDocuments(db, householdId)) >= MAX_DOCUMENTS_PER_HOUSEHOLD) throw tooMany();
	if ((await storedBytes(db, householdId)) + size > MAX_BYTES_PER_HOUSEHOLD) throw overQuota();
}

/** An answer decided from what is on file, before a byte of the body is read. */
async function decidedBeforeReading(deps: AppDeps, account: CurrentAccount, upload: Upload) {
	const existing = await findByClientId(deps.db, upload.clientId);
	if (existing && existing.household_id !== account.householdId) throw taken();
	// Sent again (a lost answer, a retried outbox): the file is already here, kept once.
	if (existing) return { document: toDocumentView(existing), created: false };
	const { personId } = upload.query;
	if (personId !== undefined && !(await isHouseholdPerson(deps.db, account.householdId, personId))) {
		throw new AppError(404, 'not_found', 'Personne introuvable.');
	}
	// By the declared size: a file that would not fit is refused unread.
	await checkRoom(deps.db, account.householdId, upload.size);
	return null;
}

/**
 * Invariant of the insert: a document row exists only with its whole file on disk, the household
 * holds at most MAX_DOCUMENTS_PER_HOUSEHOLD and MAX_BYTES_PER_HOUSEHOLD (counted again here, in
 * the transaction: two uploads may each have fitted alone), and its "requests" version moves with
 * the row.
 */
async function record(deps: AppDeps, account: CurrentAccount, upload: Upload, file: ReceivedFile) {
	const now = deps.clock.now().toISOString();
	return deps.db.transaction().execute(async (trx) => {
		await checkRoom(trx, account.householdId, file.size);
		const row = await trx
			.insertInto('document')
			.values({
				client_id: upload.clientId,
				household_id: account.householdId,
				person_id: upload.query.personId ?? null,
				person_label: upload.query.personLabel || null,
				type: upload.query.type,
				status: 'a-valider',
				stored_name: file.storedName,
				original_name: upload.query.name,
				mime: file.mime,
				size: file.size,
				sha256: file.sha256,
				uploaded_at: now,
				uploaded_by: account.id
			})
			.onConflict((oc) => oc.column('client_id').doNothing())
			.returningAll()
			.executeTakeFirst();
		if (row) await bumpResourceVersion(trx, account.householdId, 'requests');
		return row;
	});
}

type UploadFiles = { dirs: UploadDirs; gate: UploadGate };

/**
 * Receives one justificatif (see the upload route for the HTTP contract). Whatever the answer,
 * it is given once the body is over: drained when it was not read (see UploadBody), with no slot
 * of the gate held meanwhile.
 */
export async function uploadDocument(
	deps: AppDeps,
	files: UploadFiles,
	account: CurrentAccount,
	upload: Upload
): Promise<UploadAnswer> {
	const body = upload.body ? new UploadBody(upload.body, upload.size) : null;
	try {
		return await receiveAndRecord(deps, files, account, upload, body);
	} finally {
		await body?.settle();
	}
}

async function receiveAndRecord(
	deps: AppDeps,
	files: UploadFiles,
	account: CurrentAccount,
	upload: Upload,
	body: UploadBody | null
): Promise<UploadAnswer> {
	const decided = await decidedBeforeReading(deps, account, upload);
	if (decided) return decided;
	if (!body) throw new AppError(400, 'empty_file', 'Le fichier est vide.');
	await ensureRoomFor(files.dirs.files, upload.size);
	const release = files.gate.enter(account.householdId, upload.from);
	let file: ReceivedFile;
	try {
		file = await receiveFile(body, files.dirs, { size: upload.size, maxBytes: upload.maxBytes });
	} finally {
		release();
	}
	try {
		const row = await record(deps, account, upload, file);
		if (row) return { document: toDocumentView(row), created: true };
	} catch (error) {
		await rm(file.path, { force: true });
		throw error;
	}
	// The same UUID arrived twice at once and the other copy won: keep its file, not this one.
	await rm(file.path, { force: true });
	const winner = await decidedBeforeReading(deps, account, upload);
	if (winner) return winner;
	throw taken();
}
