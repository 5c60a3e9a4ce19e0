import { liveQuery, type Subscription } from 'dexie';
import { addDays, endOfMonth, startOfMonth } from '../domain/agenda/dates.ts';
import { parisDate } from '../domain/agenda/paris-time.ts';
import { isAgendaKind, type AgendaKind } from '../domain/agenda/mutations.ts';
import { serverNow } from '../domain/agenda/server-time.ts';
import type { AgendaSnapshot } from '../domain/agenda/snapshot.ts';
import type { BulkPayload, MutationKind } from '../domain/sync/protocol.ts';
import { apiTransport } from './api-transport.ts';
import { portailDatabase, type OutboxItem, type Outcome } from './database.ts';
import { enqueue } from './outbox.ts';
import { SyncEngine, type SyncStatus } from './sync-engine.ts';
import { syncResources } from './sync-resources.ts';

/**
 * The days kept offline: the month of `date` and the `months` next ones, plus the days of the
 * neighbouring months that the month grid shows in its first and last weeks.
 */
export function monthWindow(date: string, months = 2): { from: string; to: string } {
	return { from: addDays(startOfMonth(date), -6), to: addDays(endOfMonth(date, months), 6) };
}

/**
 * The agenda screen's state: the household's agenda from the device's database (so it is the same
 * online or not), the changes waiting to be sent, the server's rejections, and the sync status.
 * Every change is written to the outbox first, then sent when the network allows.
 */
class AgendaStore {
	snapshot = $state<AgendaSnapshot | null>(null);
	fetchedAt = $state<string | null>(null);
	/** The server's clock minus the device's when the snapshot came (0 until one did). */
	serverOffsetMs = $state(0);
	outbox = $state<(OutboxItem & { kind: AgendaKind })[]>([]);
	outcomes = $state<(Outcome & { kind: AgendaKind })[]>([]);
	status = $state<SyncStatus>('idle');
	/** With status "error": what went wrong, in French (it completes "La synchronisation a échoué : "). */
	problem = $state<string | null>(null);
	online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	/** The day the screen is centred on: its month and the two next are kept offline. */
	cursor = $state(parisDate(new Date()));

	#engine: SyncEngine | null = null;
	#subscriptions: Subscription[] = [];
	#listeners: (() => void) | null = null;

	start(): () => void {
		const db = portailDatabase();
		const resources = syncResources(db, () => monthWindow(this.cursor));
		this.#engine ??= new SyncEngine(db, apiTransport, {
			resources: () => resources,
			onStatus: (status, problem) => {
				// A retry after an error keeps the error said until it ends: the banner (role=alert) is
				// neither removed nor announced again at each automatic retry (1 s, 2 s, 4 s…).
				if (status === 'syncing' && this.status === 'error') return;
				this.status = status;
				this.problem = problem;
			}
		});
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
		const onOnline = () => {
			this.online = true;
			void this.sync();
		};
		const onOffline = () => (this.online = false);
		const onVisible = () => {
			if (document.visibilityState === 'visible') void this.sync();
		};
		window.addEventListener('online', onOnline);
		window.addEventListener('offline', onOffline);
		document.addEventListener('visibilitychange', onVisible);
		this.#listeners = () => {
			window.removeEventListener('online', onOnline);
			window.removeEventListener('offline', onOffline);
			document.removeEventListener('visibilitychange', onVisible);
		};
		void this.sync();
		return () => this.stop();
	}

	stop() {
		for (const s of this.#subscriptions) s.unsubscribe();
		this.#subscriptions = [];
		this.#listeners?.();
		this.#listeners = null;
		this.#engine?.stop();
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
		return this.#engine?.sync() ?? Promise.resolve();
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
