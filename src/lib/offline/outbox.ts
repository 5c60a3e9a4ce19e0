import type { MutationKind, MutationResult } from '../domain/sync/protocol.ts';
import type { OutboxItem, Outcome, PortailDatabase } from './database.ts';

/**
 * Records a change on the device at once (it survives a reload, a crash, a week without signal)
 * and returns it. The server applies it at the next sync, exactly once, thanks to its id.
 */
export async function enqueue(
	db: PortailDatabase,
	kind: MutationKind,
	payload: unknown,
	now: Date = new Date()
): Promise<OutboxItem> {
	const item: OutboxItem = { id: crypto.randomUUID(), kind, payload, createdAt: now.toISOString() };
	await db.outbox.add(item);
	return item;
}

/** Waiting changes, oldest first: the order the user made them is the order the server applies them. */
export function pendingChanges(db: PortailDatabase): Promise<OutboxItem[]> {
	return db.outbox.orderBy('seq').toArray();
}

/**
 * Takes the answered changes of a batch out of the outbox, in one transaction with what the user
 * must still see: a rejection with its reason, a saisie groupée's summary. Unanswered ones stay, in
 * their place, for the next request. Returns how many were answered.
 */
export async function settle(
	db: PortailDatabase,
	batch: OutboxItem[],
	results: MutationResult[],
	at: string
): Promise<number> {
	const answered = new Map(results.map((r) => [r.id, r]));
	let count = 0;
	await db.transaction('rw', db.outbox, db.outcomes, async () => {
		for (const item of batch) {
			const result = answered.get(item.id);
			if (!result) continue;
			count++;
			await db.outbox.where('id').equals(item.id).delete();
			const outcome = outcomeOf(item, result, at);
			if (outcome) await db.outcomes.put(outcome);
		}
	});
	return count;
}

/**
 * What the user must still see of an answer: every rejection (with the fields or the conflicting
 * version a demande's refusal names), a saisie groupée's summary, a submission's number. A plain
 * applied booking or draft save needs no word: the pulled state shows it.
 */
function outcomeOf(item: OutboxItem, result: MutationResult, at: string): Outcome | null {
	if (result.status === 'rejected') {
		const { code, reason, fields, conflict } = result;
		return {
			...item,
			status: 'rejected',
			code,
			reason,
			...(fields && { fields }),
			...(conflict && { conflict }),
			at
		};
	}
	if (result.summary) return { ...item, status: 'applied', summary: result.summary, at };
	if (result.demande && item.kind === 'demande.submit.v1')
		return { ...item, status: 'applied', demande: result.demande, at };
	return null;
}

/**
 * An upload answered: out of the outbox with its file, in one transaction with its refusal (the
 * server's French message) when the server refused the file for good.
 */
export async function settleUpload(
	db: PortailDatabase,
	item: OutboxItem,
	documentId: string,
	refusal: { code: string; reason: string; fields?: Record<string, string> } | null,
	at: string
): Promise<void> {
	await db.transaction('rw', db.outbox, db.outcomes, db.blobs, async () => {
		await db.outbox.where('id').equals(item.id).delete();
		await db.blobs.delete(documentId);
		if (refusal) await db.outcomes.put({ ...item, status: 'rejected', ...refusal, at });
	});
}
