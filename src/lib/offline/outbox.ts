import type { MutationKind, MutationResult } from '../domain/sync/protocol.ts';
import type { OutboxItem, PortailDatabase } from './database.ts';

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
			if (result.status === 'rejected') {
				await db.outcomes.put({ ...item, status: 'rejected', code: result.code, reason: result.reason, at });
			} else if (result.summary) {
				await db.outcomes.put({ ...item, status: 'applied', summary: result.summary, at });
			}
		}
	});
	return count;
}
