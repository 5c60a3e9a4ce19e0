import { rememberQueued, shouldQueueSave } from '../../domain/requests/draft-sync-rules.ts';
import type { DemandeSavePayload } from '../../domain/requests/mutations.ts';
import type { PortailDatabase } from '../database.ts';
import { localState, type LocalDraft } from './drafts.ts';
import { draftsTable, outboxTable, type DemandeOutboxItem } from './tables.ts';

const SAVE = 'demande.save.v1';
const SUBMIT = 'demande.submit.v1';

async function withoutWaitingSaves(db: PortailDatabase, id: string): Promise<void> {
	await outboxTable(db)
		.filter(
			(item: DemandeOutboxItem) =>
				item.kind === SAVE && (item.payload as { demandeId?: string }).demandeId === id
		)
		.delete();
}

function payloadOf(draft: LocalDraft): DemandeSavePayload {
	return {
		demandeId: draft.id,
		formCode: draft.formCode,
		writerId: draft.writerId,
		baseRevision: draft.baseRevision,
		step: draft.step,
		data: draft.data,
		savedAt: draft.savedAt
	};
}

async function enqueue(db: PortailDatabase, kind: typeof SAVE | typeof SUBMIT, draft: LocalDraft, now: Date) {
	await outboxTable(db).add({
		id: crypto.randomUUID(),
		kind,
		payload: payloadOf(draft),
		createdAt: now.toISOString()
	});
}

/**
 * Queues the draft's save for the server, replacing a save of it still waiting: at most one per
 * draft, however long the device stays offline. Returns whether one was queued.
 */
export async function queueSave(db: PortailDatabase, id: string, now: Date = new Date()): Promise<boolean> {
	return db.transaction('rw', draftsTable(db), outboxTable(db), async () => {
		const draft = await draftsTable(db).get(id);
		if (!draft || !shouldQueueSave({ ...localState(draft), conflict: draft.conflict ?? null })) return false;
		await withoutWaitingSaves(db, id);
		await enqueue(db, SAVE, draft, now);
		await draftsTable(db).update(id, { queued: rememberQueued(draft.queued ?? [], draft.data) });
		return true;
	});
}

/** "Enregistrer la demande": the sending waits in the outbox; the draft says "En attente d'envoi". */
export async function queueSubmit(db: PortailDatabase, id: string, now: Date = new Date()): Promise<void> {
	await db.transaction('rw', draftsTable(db), outboxTable(db), async () => {
		const draft = await draftsTable(db).get(id);
		if (!draft || draft.state !== 'editing') return;
		await withoutWaitingSaves(db, id);
		await enqueue(db, SUBMIT, draft, now);
		await draftsTable(db).update(id, {
			state: 'envoi-en-attente',
			refusal: null,
			queued: rememberQueued(draft.queued ?? [], draft.data)
		});
	});
}

/**
 * "Annuler la demande" / "Supprimer": gone from the device at once, and from the server through the
 * outbox when it may have it (saved once, or a save queued). A draft whose sending waits is kept.
 */
export async function discardDraft(
	db: PortailDatabase,
	id: string,
	onServer: boolean,
	now: Date = new Date()
): Promise<boolean> {
	return db.transaction('rw', draftsTable(db), outboxTable(db), async () => {
		const draft = await draftsTable(db).get(id);
		if (draft?.state === 'envoi-en-attente') return false;
		await withoutWaitingSaves(db, id);
		await draftsTable(db).delete(id);
		const known = onServer || (draft && (draft.baseRevision > 0 || (draft.queued ?? []).length > 0));
		if (known) {
			await outboxTable(db).add({
				id: crypto.randomUUID(),
				kind: 'demande.delete.v1',
				payload: { demandeId: id },
				createdAt: now.toISOString()
			});
		}
		return true;
	});
}
