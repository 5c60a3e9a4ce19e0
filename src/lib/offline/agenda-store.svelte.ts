import { liveQuery, type Subscription } from 'dexie';
import { parisDate } from '../domain/agenda/paris-time.ts';
import { isAgendaKind, type AgendaKind } from '../domain/agenda/mutations.ts';
import { serverNow } from '../domain/agenda/server-time.ts';
import type { AgendaSnapshot } from '../domain/agenda/snapshot.ts';
import type { BulkPayload, MutationKind } from '../domain/sync/protocol.ts';
import { portailDatabase, type OutboxItem, type Outcome } from './database.ts';
import { enqueue } from './outbox.ts';
import { monthWindow } from './agenda-window.ts';
import type { SyncStatus } from './sync-engine.ts';
import { syncService } from './sync-service.svelte.ts';

export { monthWindow };

/**
 * The agenda screen's state: the household's agenda from the device's database (so it is the same
 * online or not), the changes waiting to be sent, the server's rejections, and the sync status.
 * Every change is written to the outbox first, then sent when the network allows.
 */
class AgendaStore {
	// Raw: each is replaced whole by its liveQuery, never changed in place; a deep proxy would make
	// every read of the agenda's view (thousands per grid, agenda-view.ts) a tracked property read.
	snapshot = $state.raw<AgendaSnapshot | null>(null);
	fetchedAt = $state<string | null>(null);
	/** The server's clock minus the device's when the snapshot came (0 until one did). */
	serverOffsetMs = $state(0);
	outbox = $state.raw<(OutboxItem & { kind: AgendaKind })[]>([]);
	outcomes = $state.raw<(Outcome & { kind: AgendaKind })[]>([]);
	/** The one engine's status (sync-service.svelte.ts), as the agenda's sync bar shows it. */
	get status(): SyncStatus {
		return syncService.status;
	}
	/** With status "error": what went wrong, in French (it completes "La synchronisation a échoué : "). */
	get problem(): string | null {
		return syncService.problem;
	}
	get online(): boolean {
		return syncService.online;
	}
	/** The day the screen is centred on: its month and the two next are kept offline. */
	cursor = $state(parisDate(new Date()));

	#subscriptions: Subscription[] = [];
	#stopSync: (() => void) | null = null;

	constructor() {
		// The engine keeps the days this screen is on, wherever the parent is in the app.
		syncService.agendaWindow = () => monthWindow(this.cursor);
	}

	start(): () => void {
		const db = portailDatabase();
		this.#subscriptions = [
			liveQuery(() => db.agenda.get('agenda')).subscribe((stored) => {
				this.snapshot = stored?.snapshot ?? null;
				this.fetchedAt = stored?.fetchedAt ?? null;
				this.serverOffsetMs = stored?.serverOffsetMs ?? 0;
			}),
			// The agenda's own changes and answers: a demande or a file waiting is another page's.
			liveQuery(() => db.outbox.orderBy('seq').toArray()).subscribe(
				(items) =>
					(this.outbox = items.filter((i): i is OutboxItem & { kind: AgendaKind } => isAgendaKind(i.kind)))
			),
			liveQuery(() => db.outcomes.orderBy('at').toArray()).subscribe(
				(items) =>
					(this.outcomes = items.filter((o): o is Outcome & { kind: AgendaKind } => isAgendaKind(o.kind)))
			)
		];
		this.#stopSync = syncService.start();
		return () => this.stop();
	}

	stop() {
		for (const s of this.#subscriptions) s.unsubscribe();
		this.#subscriptions = [];
		this.#stopSync?.();
		this.#stopSync = null;
	}

	/** Now, by the server's clock as far as this device knows it: what the agenda decides with. */
	now(): Date {
		return serverNow(Date.now(), this.serverOffsetMs);
	}

	/** When the agenda was last brought up to date, by the server's clock. */
	get updatedAt(): Date | null {
		return this.fetchedAt ? serverNow(Date.parse(this.fetchedAt), this.serverOffsetMs) : null;
	}

	sync(): Promise<void> {
		return syncService.sync();
	}

	async #change(kind: MutationKind, payload: unknown): Promise<string> {
		const item = await enqueue(portailDatabase(), kind, payload);
		void this.sync();
		return item.id;
	}

	book(personId: number, activityCode: string, date: string) {
		return this.#change('reservation.create.v1', { personId, activityCode, date });
	}

	cancel(personId: number, activityCode: string, date: string) {
		return this.#change('reservation.cancel.v1', { personId, activityCode, date });
	}

	bulk(payload: BulkPayload) {
		return this.#change('reservation.bulk.v1', payload);
	}

	dismiss(id: string) {
		return portailDatabase().outcomes.delete(id);
	}

	/** Moves the screen; outside the days kept offline, asks the server for them. */
	moveTo(date: string) {
		this.cursor = date;
		const snapshot = this.snapshot;
		const { from, to } = monthWindow(date);
		if (!snapshot || from < snapshot.from || to > snapshot.to) void this.sync();
	}
}

export const agendaStore = new AgendaStore();
