import { ApiError, NetworkError } from '../api/client.ts';
import { pushAnswerSchema } from '../domain/sync/answers.ts';
import { SYNC_SCHEMA_VERSION } from '../domain/sync/protocol.ts';
import { mutationWeight, withinBudget } from '../domain/sync/push-budget.ts';
import { UPLOAD_KIND, type UploadPayload } from '../domain/sync/uploads.ts';
import type { PortailDatabase } from './database.ts';
import { pendingChanges, settle } from './outbox.ts';
import { sendUpload } from './upload-step.ts';

/**
 * How the engine reaches the server to send (the real API, or a fake one in tests). What comes
 * back is parsed by the protocol's schemas before the engine believes it. Failures are thrown as
 * the API client throws them: ApiError (a refusal), NetworkError (no server).
 */
export type SyncTransport = {
	push(body: { schemaVersion: number; mutations: unknown[] }): Promise<unknown>;
	/** PUT /api/documents/:documentId with the file as body (the upload route's contract). */
	upload(payload: UploadPayload, blob: Blob): Promise<unknown>;
};

/**
 * Something the engine brings up to date after each push (the agenda, the demandes…): `pull` asks
 * the server and keeps the answer on the device, or throws ApiError / NetworkError /
 * UnreadableAnswer as the transport does, keeping what the device had.
 */
export type SyncResource = { name: string; pull(): Promise<void> };

/** `error`: the server refused or answered something unreadable; `problem` says what, in French. */
export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'sign-in' | 'outdated' | 'error';

const BATCH = 100;

/** An answer the engine cannot believe: not the shape the protocol says, or no progress at all. */
export class UnreadableAnswer extends Error {
	constructor(detail = 'réponse illisible') {
		super(detail);
		this.name = 'UnreadableAnswer';
	}
}

/**
 * What went wrong, in French, for the sync bar: it completes "La synchronisation a échoué : …".
 * The server's own message is kept when it sent one (it says what it refused).
 */
export function syncProblem(error: unknown): string {
	if (error instanceof ApiError) {
		// A body without the API's error shape (a proxy's page) has only its status to tell.
		const told = error.code !== `http_${error.status}`;
		const detail = told ? ` : ${error.message.replace(/\.$/, '')}` : '';
		return `le serveur a refusé la demande (erreur ${error.status}${detail}).`;
	}
	if (error instanceof UnreadableAnswer) return 'le serveur a envoyé une réponse illisible.';
	return 'une erreur inattendue est survenue sur cet appareil.';
}

/**
 * Push the outbox in order, then pull each registered resource. What the engine guarantees:
 * - a change leaves the outbox only when the server has answered it (applied or rejected);
 * - a file to upload is sent in its place in the outbox: a batch of mutations stops before it,
 *   so what was queued after it (a submission naming it) reaches the server after it. A file the
 *   server refuses for good (400, 409, 413, 415), or no longer on the device, leaves the outbox
 *   with a rejection in French, like a refused change;
 * - a rejection is kept, with its French reason, until the user dismisses it;
 * - a batch weighs at most the server's PUSH_BUDGET, with the server's own weights: the server
 *   answers all of it; what it leaves unanswered anyway goes in the next request of the round;
 * - every round ends in a status the page shows: a network error or a 5xx keeps everything and
 *   retries later with a growing delay ("offline"); a 401 asks the user to sign in again; any
 *   other refusal or an unreadable answer keeps everything, says what happened ("error", with
 *   `problem`) and retries later too. `sync()` never rejects;
 * - only one tab pushes at a time (Web Locks), so two tabs never send the same change together.
 */
export class SyncEngine {
	status: SyncStatus = 'idle';
	problem: string | null = null;
	#retryDelay = 1000;
	#timer: ReturnType<typeof setTimeout> | null = null;
	/** Halved each time the server (or a proxy in front of it) finds a request too large (413). */
	#batchSize = BATCH;
	#running: Promise<void> | null = null;
	#again = false;

	constructor(
		private readonly db: PortailDatabase,
		private readonly transport: SyncTransport,
		private readonly options: {
			/** Pulled in this order after each push; the list may grow while the app runs. */
			resources: () => readonly SyncResource[];
			onStatus?: (status: SyncStatus, problem: string | null) => void;
			now?: () => Date;
			maxRetryDelay?: number;
		}
	) {}

	#set(status: SyncStatus, problem: string | null = null) {
		this.status = status;
		this.problem = problem;
		this.options.onStatus?.(status, problem);
	}

	/**
	 * One full round; resolves once done (or skipped because another tab is at it). Asked again
	 * while this tab runs one (a change made during its pull), it runs once more after it, so that
	 * no change waits for the next occasion; never two at once.
	 */
	sync(): Promise<void> {
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		const rounds = async () => {
			do {
				this.#again = false;
				await this.#lockedRound();
			} while (this.#again && this.status === 'idle');
		};
		this.#running = rounds().finally(() => (this.#running = null));
		return this.#running;
	}

	async #lockedRound(): Promise<void> {
		const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
		if (!locks) return this.#round();
		try {
			await locks.request('portail-sync', { ifAvailable: true }, async (lock) => {
				if (lock) await this.#round();
			});
		} catch (error) {
			this.#fail(error);
		}
	}

	async #round(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.#set('syncing');
		try {
			await this.#push();
			await this.#pull();
			this.#retryDelay = 1000;
			this.#set('idle');
		} catch (error) {
			this.#fail(error);
		}
	}

	#fail(error: unknown) {
		if (error instanceof ApiError && error.status === 401) return this.#set('sign-in');
		if (error instanceof ApiError && error.code === 'client_outdated') return this.#set('outdated');
		if (error instanceof NetworkError || (error instanceof ApiError && error.status >= 500)) {
			this.#set('offline');
		} else {
			this.#set('error', syncProblem(error));
		}
		this.#scheduleRetry();
	}

	/** Every resource has its turn, even after one failed; the first failure is the round's. */
	async #pull(): Promise<void> {
		let failure: { error: unknown } | null = null;
		for (const resource of this.options.resources()) {
			try {
				await resource.pull();
			} catch (error) {
				failure ??= { error };
			}
		}
		if (failure) throw failure.error;
	}

	async #push(): Promise<void> {
		for (;;) {
			const head = (await pendingChanges(this.db)).slice(0, this.#batchSize);
			const [first] = head;
			if (!first) return;
			if (first.kind === UPLOAD_KIND) {
				await sendUpload(
					this.db,
					(p, blob) => this.transport.upload(p, blob),
					first,
					() => this.#now()
				);
				continue;
			}
			const beforeUpload = head.findIndex((item) => item.kind === UPLOAD_KIND);
			const mutations = beforeUpload < 0 ? head : head.slice(0, beforeUpload);
			const batch = mutations.slice(0, withinBudget(mutations.map(mutationWeight)));
			let raw: unknown;
			try {
				raw = await this.transport.push({
					schemaVersion: SYNC_SCHEMA_VERSION,
					mutations: batch.map(({ id, kind, payload, createdAt }) => ({ id, kind, payload, createdAt }))
				});
			} catch (error) {
				// Too large for the server or a proxy in front of it: the same changes, fewer at a time.
				if (error instanceof ApiError && error.status === 413 && batch.length > 1) {
					this.#batchSize = Math.ceil(batch.length / 2);
					continue;
				}
				throw error;
			}
			const response = pushAnswerSchema.safeParse(raw);
			if (!response.success) throw new UnreadableAnswer();
			const answered = await settle(this.db, batch, response.data.results, this.#now());
			// A server that answered none of the batch would make this loop spin: stop and retry later.
			if (answered === 0) throw new UnreadableAnswer('aucune modification traitée');
		}
	}

	#now(): string {
		return (this.options.now?.() ?? new Date()).toISOString();
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
