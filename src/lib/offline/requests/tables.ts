import type { DraftConflict } from '../../domain/requests/mutations.ts';
import type { PortailDatabase, StoredDraft } from '../database.ts';

/**
 * A draft on this device (Dexie `drafts`): written at every change, so a reload, a closed tab, a
 * stopped server or a new version of the app loses nothing. What the sync needs besides the
 * stored shape is kept in the same record, optional so an older record reads as "nothing pending".
 */
export type LocalDraft = StoredDraft & {
	/** Typed here since the server's version `baseRevision` was taken. */
	dirty?: boolean;
	/** Fingerprints of the versions queued for the server (see draft-sync-rules.ts). */
	queued?: string[];
	/** Another device saved meanwhile: the parent chooses which version to keep. */
	conflict?: DraftConflict | null;
	/** The server refused the last sending: its reason, and its errors by field path. */
	refusal?: { reason: string; fields: Record<string, string> } | null;
	/** When another device's version replaced this one (an open form reloads it). */
	takenAt?: string;
	createdAt?: string;
};

/** The requests resource's key in Dexie's `resources` (the pull of GET /api/requests/pull). */
export const REQUESTS_RESOURCE = 'requests';

/**
 * The drafts table as the request engine reads and writes it: the stored shape plus what the sync
 * of drafts keeps beside it (all optional, so a record of an older version reads as well).
 */
export const draftsTable = (db: PortailDatabase) => db.table<LocalDraft, string>('drafts');

/** An outbox item of a demande: its kind is one of the request domain's. */
export type DemandeOutboxItem = {
	seq?: number;
	id: string;
	kind: 'demande.save.v1' | 'demande.submit.v1' | 'demande.delete.v1';
	payload: unknown;
	createdAt: string;
};
export const outboxTable = (db: PortailDatabase) => db.table<DemandeOutboxItem, number>('outbox');
