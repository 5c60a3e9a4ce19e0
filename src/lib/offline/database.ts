import { Dexie, type EntityTable } from 'dexie';
import { DATABASE_NAME } from './database-name.ts';
import type { AccountSummary } from '../domain/accounts/account-summary.ts';
import type { AgendaSnapshot } from '../domain/agenda/snapshot.ts';
import type { Catalog } from '../domain/catalog/catalog.ts';
import type { FormCode } from '../domain/requests/form-codes.ts';
import type { DemandeAck, DraftConflict } from '../domain/requests/mutations.ts';
import type { BulkSummary, MutationKind } from '../domain/sync/protocol.ts';
import type { UploadKind } from '../domain/sync/uploads.ts';

/** A cached copy of a server answer, with when the server gave it. */
export type CachedCatalog = { key: 'catalog'; catalog: Catalog; fetchedAt: string };

/**
 * The account whose data this device holds, as the server last described it. `signedIn: false`
 * when the server later said nobody is signed in (expired session): its waiting changes are kept
 * for when the same person signs in again. Absent in records written before that flag: signed in.
 */
export type StoredAccount = {
	key: 'current';
	account: AccountSummary;
	signedIn?: boolean;
};

/**
 * The browser's own database. Each schema change is a new `version(n)` kept below the older ones
 * (Dexie upgrades the phone's base in order); never edit a shipped version.
 */
/**
 * The household's agenda as the server last sent it, with how far the server's clock was from the
 * device's then (absent when unknown): the agenda decides with the server's time, not the device's.
 */
export type StoredAgenda = {
	key: 'agenda';
	snapshot: AgendaSnapshot;
	fetchedAt: string;
	serverOffsetMs?: number | undefined;
};

/** What the outbox holds: mutations for POST /api/sync/push, and files to upload (uploads.ts). */
export type OutboxKind = MutationKind | UploadKind;

/** A change made on this device and not yet answered by the server. */
export type OutboxItem = {
	seq?: number;
	id: string;
	kind: OutboxKind;
	payload: unknown;
	createdAt: string;
};

/** The server's answer to a change, kept until the user has seen it. */
export type Outcome = {
	id: string;
	kind: OutboxKind;
	payload: unknown;
	status: 'applied' | 'rejected';
	code?: string;
	reason?: string;
	summary?: BulkSummary;
	/** A demande refused: the French error of each field path the server named. */
	fields?: Record<string, string>;
	/** A draft saved meanwhile on another device: the server's version, to choose from. */
	conflict?: DraftConflict;
	/** A demande saved or sent: its town number and status. */
	demande?: DemandeAck;
	at: string;
};

/** An answer being written in an Échanges thread, kept at every key press until it is sent. */
export type StoredReplyDraft = { threadId: number; body: string; savedAt: string };

/** A pulled resource's last answer (versioned-resource.ts): its server version, parsed data. */
export type StoredResource = { key: string; version: number; data: unknown; fetchedAt: string };

/**
 * A demande's draft as this device holds it, written at every change (it survives a reload, a
 * crash, a lost signal): `id` is the demande's UUID, `baseRevision` the server revision its run
 * of saves started from, `data` its answers by step (`{ [stepId]: answers }`).
 */
export type StoredDraft = {
	id: string;
	formCode: FormCode;
	writerId: string;
	baseRevision: number;
	step: number;
	data: Record<string, unknown>;
	savedAt: string;
	state: 'editing' | 'envoi-en-attente';
	number?: number;
};

/** A file chosen for a justificatif, kept until its upload is answered (outbox `document.upload.v1`). */
export type StoredBlob = {
	id: string;
	blob: Blob;
	name: string;
	mime: string;
	size: number;
	createdAt: string;
};

export class PortailDatabase extends Dexie {
	cache!: EntityTable<CachedCatalog, 'key'>;
	account!: EntityTable<StoredAccount, 'key'>;
	agenda!: EntityTable<StoredAgenda, 'key'>;
	outbox!: EntityTable<OutboxItem, 'seq'>;
	outcomes!: EntityTable<Outcome, 'id'>;
	resources!: EntityTable<StoredResource, 'key'>;
	drafts!: EntityTable<StoredDraft, 'id'>;
	blobs!: EntityTable<StoredBlob, 'id'>;
	replyDrafts!: EntityTable<StoredReplyDraft, 'threadId'>;

	constructor(name = DATABASE_NAME) {
		super(name);
		this.version(1).stores({ cache: 'key' });
		this.version(2).stores({ account: 'key' });
		this.version(3).stores({ agenda: 'key', outbox: '++seq, &id', outcomes: 'id, at' });
		this.version(4).stores({ resources: 'key', drafts: 'id, formCode, savedAt', blobs: 'id' });
		this.version(5).stores({ replyDrafts: 'threadId' });
	}
}

/**
 * Signing out wipes everything of the household from the device (its agenda, outbox, pulled
 * resources, drafts and files waiting to be sent); only public data (the catalogue) stays, so the
 * home page still opens offline.
 */
export async function clearPersonalData(db: PortailDatabase): Promise<void> {
	await db.transaction('rw', db.tables, async () => {
		for (const table of db.tables) if (table.name !== 'cache') await table.clear();
	});
}

let shared: PortailDatabase | null = null;

export function portailDatabase(): PortailDatabase {
	shared ??= new PortailDatabase();
	return shared;
}
