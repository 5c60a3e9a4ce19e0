import { parisDate } from '../domain/agenda/paris-time.ts';
import { monthWindow } from './agenda-window.ts';
import { apiTransport } from './api-transport.ts';
import { portailDatabase } from './database.ts';
import { SyncEngine, type SyncStatus } from './sync-engine.ts';
import { syncResources } from './sync-resources.ts';

/** A round begun this recently is still running or has just ended: a page opening joins it. */
const JOIN_MS = 5_000;

/**
 * The one sync engine of the signed-in app (DESIGN §4), whatever page is open: the agenda, Mes
 * demandes, a form. Started by the citizen's layout (and by any page that needs it: the starts
 * are counted), it syncs at start-up, on `online` and when the page becomes visible again, and
 * whenever a page asks after a change; its status is what every sync bar shows.
 */
class SyncService {
	status = $state<SyncStatus>('idle');
	/** With status "error": what went wrong, in French (it completes "La synchronisation a échoué : "). */
	problem = $state<string | null>(null);
	online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	/** The agenda's days to keep offline: the agenda screen moves them (agenda-store.svelte.ts). */
	agendaWindow: () => { from: string; to: string } = () => monthWindow(parisDate(new Date()));
	#engine: SyncEngine | null = null;
	#users = 0;
	#listeners: (() => void) | null = null;
	/** Nothing is sent before the server has said whose session this is (see `after`). */
	#settled: Promise<unknown> = Promise.resolve();
	/** A round asked for and not begun yet: every call until then is that round. */
	#queued: Promise<void> | null = null;
	#roundAt = -Infinity;

	/**
	 * Starts (or joins) the engine and brings everything up to date now; returns the stop. The
	 * layout and the page it shows start together: one round serves both (a second one, pulling all
	 * again, would compete with the first screen for a slow network).
	 */
	start(): () => void {
		if (this.#users++ === 0) this.#open();
		if (!this.#queued && performance.now() - this.#roundAt > JOIN_MS) void this.sync();
		let stopped = false;
		return () => {
			if (stopped) return;
			stopped = true;
			if (--this.#users === 0) this.#close();
		};
	}

	sync(): Promise<void> {
		this.#queued ??= this.#settled.then(() => {
			this.#queued = null;
			if (!this.#engine) return;
			this.#roundAt = performance.now();
			return this.#engine.sync();
		});
		return this.#queued;
	}

	/**
	 * Rounds wait for `settled` (the session's answer): a page drawn from the device before it
	 * came may start the engine, but sends nothing under a session the device has not adopted.
	 */
	after(settled: Promise<unknown>): void {
		this.#settled = settled.catch(() => undefined);
	}

	#open() {
		const db = portailDatabase();
		const resources = syncResources(db, () => this.agendaWindow());
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
	}

	#close() {
		this.#listeners?.();
		this.#listeners = null;
		this.#engine?.stop();
		this.#roundAt = -Infinity;
	}
}

export const syncService = new SyncService();
