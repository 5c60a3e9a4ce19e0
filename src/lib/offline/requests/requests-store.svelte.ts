import { liveQuery, type Subscription } from 'dexie';
import type { DocumentView } from '../../domain/documents/document-view.ts';
import { requestsSnapshotSchema, type DemandeView } from '../../domain/requests/snapshot.ts';
import { portailDatabase, type OutboxItem } from '../database.ts';
import { syncService } from '../sync-service.svelte.ts';
import { draftsTable, REQUESTS_RESOURCE, type LocalDraft } from './tables.ts';

/**
 * What the request pages read, all from the device's database (liveQuery), so Mes demandes, a
 * demande and a draft open the same with the server stopped: the household's demandes and
 * justificatifs as the server last listed them, the drafts of this device, the waiting changes.
 */
class RequestsStore {
	demandes = $state<DemandeView[]>([]);
	documents = $state<DocumentView[]>([]);
	truncated = $state(false);
	fetchedAt = $state<string | null>(null);
	drafts = $state<LocalDraft[]>([]);
	outbox = $state<OutboxItem[]>([]);
	/** False until the device's database has been read once (each of the three). */
	#read = $state(0);
	#users = 0;
	#subscriptions: Subscription[] = [];
	#stopSync: (() => void) | null = null;

	/** Starts reading (and the sync engine); returns the stop. Pages may start it together. */
	start(): () => void {
		if (this.#users++ === 0) this.#open();
		return () => {
			if (--this.#users === 0) this.#close();
		};
	}

	#open() {
		const db = portailDatabase();
		this.#subscriptions = [
			liveQuery(() => db.resources.get(REQUESTS_RESOURCE)).subscribe((held) => {
				// Kept by the pull once its schema read it; read again, so an older shape reads as nothing.
				const parsed = requestsSnapshotSchema.safeParse(held?.data);
				const data = parsed.success && 'demandes' in parsed.data ? parsed.data : null;
				this.demandes = data?.demandes ?? [];
				this.documents = data?.documents ?? [];
				this.truncated = data?.truncated ?? false;
				this.fetchedAt = data ? (held?.fetchedAt ?? null) : null;
				this.#read |= 1;
			}),
			liveQuery(() => draftsTable(db).toArray()).subscribe((drafts) => {
				this.drafts = drafts;
				this.#read |= 2;
			}),
			liveQuery(() => db.outbox.orderBy('seq').toArray()).subscribe((items) => {
				this.outbox = items;
				this.#read |= 4;
			})
		];
		this.#stopSync = syncService.start();
	}

	#close() {
		for (const s of this.#subscriptions) s.unsubscribe();
		this.#subscriptions = [];
		this.#stopSync?.();
		this.#stopSync = null;
	}

	get loaded(): boolean {
		return this.#read === 7;
	}

	demande(id: string): DemandeView | undefined {
		return this.demandes.find((d) => d.id === id);
	}

	draft(id: string): LocalDraft | undefined {
		return this.drafts.find((d) => d.id === id);
	}

	/** After a change on the device: send it now if the network allows (the outbox keeps it otherwise). */
	sync(): Promise<void> {
		return syncService.sync();
	}
}

export const requestsStore = new RequestsStore();
