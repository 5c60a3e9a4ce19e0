import { parisDate } from '../domain/agenda/paris-time.ts';
import { monthWindow } from './agenda-window.ts';
import { apiTransport } from './api-transport.ts';
import { portailDatabase } from './database.ts';
import { SyncEngine, type SyncStatus } from './sync-engine.ts';
import { syncResources } from './sync-resources.ts';

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

	/** Starts (or joins) the engine and brings everything up to date now; returns the stop. */
	start(): () => void {
		if (this.#users++ === 0) this.#open();
		void this.sync();
		let stopped = false;
		return () => {
			if (stopped) return;
			stopped = true;
			if (--this.#users === 0) this.#close();
		};
	}

	sync(): Promise<void> {
		return this.#settled.then(() => this.#engine?.sync());
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
	}
}

export const syncService = new SyncService();
