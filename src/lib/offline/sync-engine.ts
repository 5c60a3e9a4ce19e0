import { ApiError, NetworkError } from '../api/client.ts';
import type { AgendaSnapshot } from '../domain/agenda/snapshot.ts';
import { SYNC_SCHEMA_VERSION, type PushResponse } from '../domain/sync/protocol.ts';
import type { PortailDatabase } from './database.ts';
import { pendingChanges } from './outbox.ts';

/** How the engine reaches the server (the real API, or a fake one in tests). */
export type SyncTransport = {
	push(body: { schemaVersion: number; mutations: unknown[] }): Promise<PushResponse>;
	pull(from: string, to: string): Promise<AgendaSnapshot>;
};

export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'sign-in' | 'outdated';

const BATCH = 100;

/**
 * Push the outbox in order, then pull the household's state. What the engine guarantees:
 * - a change leaves the outbox only when the server has answered it (applied or rejected);
 * - a rejection is kept, with its French reason, until the user dismisses it;
 * - a network error or a 5xx keeps everything and retries later with a growing delay;
 * - a 401 keeps everything and asks the user to sign in again;
 * - only one tab pushes at a time (Web Locks), so two tabs never send the same change together.
 */
export class SyncEngine {
	status: SyncStatus = 'idle';
	#retryDelay = 1000;
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly db: PortailDatabase,
		private readonly transport: SyncTransport,
		private readonly options: {
			window: () => { from: string; to: string };
			onStatus?: (status: SyncStatus) => void;
			now?: () => Date;
			maxRetryDelay?: number;
		}
	) {}

	#set(status: SyncStatus) {
		this.status = status;
		this.options.onStatus?.(status);
	}

	/** One full round; resolves once done (or skipped because another tab is at it). */
	async sync(): Promise<void> {
		const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
		if (!locks) return this.#round();
		await locks.request('portail-sync', { ifAvailable: true }, async (lock) => {
			if (lock) await this.#round();
		});
	}

	async #round(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.#set('syncing');
		try {
			await this.#push();
			const { from, to } = this.options.window();
			const snapshot = await this.transport.pull(from, to);
			await this.db.agenda.put({
				key: 'agenda',
				snapshot,
				fetchedAt: (this.options.now?.() ?? new Date()).toISOString()
			});
			this.#retryDelay = 1000;
			this.#set('idle');
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) return this.#set('sign-in');
			if (error instanceof ApiError && error.code === 'client_outdated') return this.#set('outdated');
			if (error instanceof NetworkError || (error instanceof ApiError && error.status >= 500)) {
				this.#set('offline');
				this.#scheduleRetry();
				return;
			}
			throw error;
		}
	}

	async #push(): Promise<void> {
		for (;;) {
			const batch = (await pendingChanges(this.db)).slice(0, BATCH);
			if (batch.length === 0) return;
			const response = await this.transport.push({
				schemaVersion: SYNC_SCHEMA_VERSION,
				mutations: batch.map(({ id, kind, payload, createdAt }) => ({ id, kind, payload, createdAt }))
			});
			const answered = new Map(response.results.map((r) => [r.id, r]));
			const now = (this.options.now?.() ?? new Date()).toISOString();
			await this.db.transaction('rw', this.db.outbox, this.db.outcomes, async () => {
				for (const item of batch) {
					const result = answered.get(item.id);
					if (!result) continue; // not answered: stays for the next round
					await this.db.outbox.where('id').equals(item.id).delete();
					if (result.status === 'rejected') {
						await this.db.outcomes.put({
							...item,
							status: 'rejected',
							code: result.code,
							reason: result.reason,
							at: now
						});
					} else if (result.summary) {
						await this.db.outcomes.put({ ...item, status: 'applied', summary: result.summary, at: now });
					}
				}
			});
			// A server that answered none of the batch would make this loop spin: stop and retry later.
			if (!batch.some((item) => answered.has(item.id))) throw new NetworkError('réponse incomplète');
		}
	}

	#scheduleRetry() {
		const max = this.options.maxRetryDelay ?? 60_000;
		const delay = this.#retryDelay;
		this.#retryDelay = Math.min(max, this.#retryDelay * 2);
		this.#timer = setTimeout(() => void this.sync(), delay);
	}

	stop() {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
