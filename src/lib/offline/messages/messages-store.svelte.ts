import { liveQuery, type Subscription } from 'dexie';
import type { ThreadView } from '../../domain/messages/snapshot.ts';
import {
	pendingReplies,
	readOnDevice,
	unreadCount,
	unreadIds,
	type PendingReply
} from '../../domain/messages/thread-state.ts';
import { portailDatabase, type OutboxItem, type Outcome } from '../database.ts';
import { enqueue } from '../outbox.ts';
import { syncService } from '../sync-service.svelte.ts';
import { MESSAGES_RESOURCE, messagesWholeSchema } from './messages-resource.ts';

/** An answer the server refused: shown in its thread with the reason until the parent dismisses it. */
export type RefusedReply = { id: string; threadId: number; body: string; reason: string };

/**
 * What Échanges and the navigation's count read, all from the device's database (liveQuery), so
 * a thread opens, is read and answered the same with the server stopped: the threads as last
 * pulled, the changes waiting in the outbox, the refusals the parent has not dismissed.
 */
class MessagesStore {
	threads = $state<ThreadView[]>([]);
	truncated = $state(false);
	fetchedAt = $state<string | null>(null);
	outbox = $state<OutboxItem[]>([]);
	outcomes = $state<Outcome[]>([]);
	#read = $state(0);
	#users = 0;
	#subscriptions: Subscription[] = [];

	/** Starts reading the device's database; returns the stop. The header and pages start it together. */
	start(): () => void {
		if (this.#users++ === 0) this.#open();
		return () => {
			if (--this.#users === 0) this.#close();
		};
	}

	#open() {
		const db = portailDatabase();
		this.#subscriptions = [
			liveQuery(() => db.resources.get(MESSAGES_RESOURCE)).subscribe((held) => {
				const parsed = messagesWholeSchema.safeParse(held?.data);
				this.threads = parsed.success ? parsed.data.threads : [];
				this.truncated = parsed.success && parsed.data.truncated;
				this.fetchedAt = parsed.success ? (held?.fetchedAt ?? null) : null;
				this.#read |= 1;
			}),
			liveQuery(() => db.outbox.orderBy('seq').toArray()).subscribe((items) => {
				this.outbox = items;
				this.#read |= 2;
			}),
			liveQuery(() => db.outcomes.filter((o) => o.kind === 'message.reply.v1').toArray()).subscribe(
				(items) => {
					this.outcomes = items;
					this.#read |= 4;
				}
			)
		];
	}

	#close() {
		for (const s of this.#subscriptions) s.unsubscribe();
		this.#subscriptions = [];
	}

	get loaded(): boolean {
		return this.#read === 7;
	}

	get readHere(): Set<number> {
		return readOnDevice(this.outbox);
	}

	get unread(): number {
		return unreadCount(this.threads, this.readHere);
	}

	thread(id: number): ThreadView | undefined {
		return this.threads.find((t) => t.id === id);
	}

	pending(threadId: number): PendingReply[] {
		return pendingReplies(this.outbox, threadId);
	}

	refused(threadId: number): RefusedReply[] {
		const refused: RefusedReply[] = [];
		for (const o of this.outcomes) {
			const payload = o.payload as { threadId?: unknown; body?: unknown } | null;
			if (o.status !== 'rejected' || payload?.threadId !== threadId) continue;
			refused.push({ id: o.id, threadId, body: String(payload.body ?? ''), reason: o.reason ?? '' });
		}
		return refused;
	}

	/** Opening a thread: its unread town messages marked read on the device now, on the server at the next sync. */
	async markRead(thread: ThreadView): Promise<void> {
		const ids = unreadIds(thread, this.readHere);
		if (ids.length === 0) return;
		await enqueue(portailDatabase(), 'message.read.v1', { messageIds: ids });
		void syncService.sync();
	}

	/** The answer kept in the outbox (it survives a reload, a stopped server) and sent when possible. */
	async reply(threadId: number, body: string): Promise<string> {
		const db = portailDatabase();
		const item = await db.transaction('rw', db.outbox, db.replyDrafts, async () => {
			const queued = await enqueue(db, 'message.reply.v1', { threadId, body });
			await db.replyDrafts.delete(threadId);
			return queued;
		});
		void syncService.sync();
		// The answer's UUID: its id in the outbox, then its client_id on the server.
		return item.id;
	}

	async dismiss(outcomeId: string): Promise<void> {
		await portailDatabase().outcomes.delete(outcomeId);
	}

	async draft(threadId: number): Promise<string> {
		return (await portailDatabase().replyDrafts.get(threadId))?.body ?? '';
	}

	async keepDraft(threadId: number, body: string): Promise<void> {
		const db = portailDatabase();
		if (body === '') await db.replyDrafts.delete(threadId);
		else await db.replyDrafts.put({ threadId, body, savedAt: new Date().toISOString() });
	}
}

export const messagesStore = new MessagesStore();
