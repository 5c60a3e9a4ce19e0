import type { MessageView, ThreadView } from './snapshot.ts';

/**
 * What Échanges shows of the threads as pulled, with what this device did and the server has not
 * answered yet: messages opened offline read as read, answers written offline show "En attente
 * d'envoi". Pure, so the page, the navigation's count and the tests read them alike.
 */

/** A change waiting in the outbox, as these rules read it (its payload unchecked). */
export type PendingChange = { id: string; kind: string; payload: unknown; createdAt: string };

export type PendingReply = { id: string; threadId: number; body: string; createdAt: string };

function payloadOf(change: PendingChange): Record<string, unknown> {
	return typeof change.payload === 'object' && change.payload !== null
		? (change.payload as Record<string, unknown>)
		: {};
}

/** The town's messages this device marked read and the server has not been told yet. */
export function readOnDevice(outbox: readonly PendingChange[]): Set<number> {
	const ids = new Set<number>();
	for (const change of outbox) {
		if (change.kind !== 'message.read.v1') continue;
		const list = payloadOf(change).messageIds;
		if (Array.isArray(list)) for (const id of list) if (typeof id === 'number') ids.add(id);
	}
	return ids;
}

/** The family's answers waiting in the outbox, oldest first. */
export function pendingReplies(outbox: readonly PendingChange[], threadId?: number): PendingReply[] {
	const replies: PendingReply[] = [];
	for (const change of outbox) {
		if (change.kind !== 'message.reply.v1') continue;
		const { threadId: t, body } = payloadOf(change);
		if (typeof t !== 'number' || typeof body !== 'string') continue;
		if (threadId === undefined || t === threadId)
			replies.push({ id: change.id, threadId: t, body, createdAt: change.createdAt });
	}
	return replies;
}

export function isUnread(message: MessageView, read: ReadonlySet<number>): boolean {
	return message.author === 'mairie' && message.readAt === null && !read.has(message.id);
}

/** The town's messages of the thread not yet opened: the ones opening it marks read. */
export function unreadIds(thread: ThreadView, read: ReadonlySet<number>): number[] {
	return thread.messages.filter((m) => isUnread(m, read)).map((m) => m.id);
}

/** The manual's Statut: "Non lu" while one of the town's messages in it is not opened. */
export function threadStatus(thread: ThreadView, read: ReadonlySet<number>): 'Lu' | 'Non lu' {
	return unreadIds(thread, read).length > 0 ? 'Non lu' : 'Lu';
}

export function unreadCount(threads: readonly ThreadView[], read: ReadonlySet<number>): number {
	let count = 0;
	for (const thread of threads) count += unreadIds(thread, read).length;
	return count;
}

/** The navigation's link as a screen reader says it: "Échanges, 2 non lus". */
export function echangesLinkLabel(unread: number): string {
	if (unread === 0) return 'Échanges';
	return `Échanges, ${unread} ${unread === 1 ? 'non lu' : 'non lus'}`;
}
