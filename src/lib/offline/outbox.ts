import type { MutationKind } from '../domain/sync/protocol.ts';
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
