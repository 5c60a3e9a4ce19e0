import { DRAFT_CONFLICT, type DraftConflict } from './mutations.ts';
import { editableByFamily, type DemandeStatusCode } from './status.ts';

/**
 * What a device decides about its copy of a draft when the server's version comes back (a pull) or
 * when the server answers one of its saves. The device's copy is the parent's work: it is replaced
 * silently only when nothing was typed here since the version it started from; otherwise the
 * parent chooses (both versions' dates shown), never the device.
 */

/** The device's copy of a draft, as these rules need it. */
export type LocalDraftState = {
	data: Record<string, unknown>;
	/** The server's revision this device last took (0: never on the server). */
	baseRevision: number;
	writerId: string;
	/** Typed here since `baseRevision` was taken. */
	dirty: boolean;
	/** Fingerprints of the answers this device queued for the server (its own saves, recognised). */
	queued: readonly string[];
	state: 'editing' | 'envoi-en-attente';
};

/** The server's version of the same demande, from its pull. */
export type ServerDraftState = {
	revision: number;
	status: DemandeStatusCode;
	data: Record<string, unknown>;
	updatedAt: string;
	/** Who saved it last, when the server tells. */
	writerId?: string | undefined;
};

export type PullDecision =
	/** Nothing new on the server. */
	| { action: 'none' }
	/** The server holds what this device sent: its revision is ours now. */
	| { action: 'own'; baseRevision: number; dirty: boolean }
	/** Another device's newer version, nothing typed here since: it replaces ours, silently. */
	| { action: 'take' }
	/** Another device's newer version and changes here too: the parent chooses. */
	| { action: 'conflict'; conflict: DraftConflict }
	/** Sent (here or elsewhere) or deleted on another device: the device's copy is done. */
	| { action: 'drop' };

/** How many of its own queued versions a device remembers (a save replaced before it left, …). */
export const QUEUED_MEMORY = 5;

/** A short fingerprint of a draft's answers (53-bit hash of its JSON), to recognise our own saves. */
export function fingerprint(data: unknown): string {
	const text = JSON.stringify(data) ?? '';
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Remembers one more queued version, forgetting the oldest. */
export function rememberQueued(queued: readonly string[], data: unknown): string[] {
	const print = fingerprint(data);
	return [...queued.filter((p) => p !== print), print].slice(-QUEUED_MEMORY);
}

/**
 * The device's copy against the server's version. `server` null: the pull does not list it;
 * `complete` false when the pull is cut (its most recent demandes only), so absence proves nothing.
 */
export function decideAfterPull(
	local: LocalDraftState,
	server: ServerDraftState | null,
	complete: boolean
): PullDecision {
	if (!server) {
		// Never reached the server, or a save of it may still be on its way: keep it.
		if (local.baseRevision === 0 || local.dirty || !complete) return { action: 'none' };
		return { action: 'drop' };
	}
	if (!editableByFamily(server.status)) return { action: 'drop' };
	if (server.revision <= local.baseRevision) return { action: 'none' };
	const theirs = fingerprint(server.data);
	if (theirs === fingerprint(local.data))
		return { action: 'own', baseRevision: server.revision, dirty: false };
	const ours = server.writerId ? server.writerId === local.writerId : local.queued.includes(theirs);
	if (ours) return { action: 'own', baseRevision: server.revision, dirty: true };
	if (!local.dirty && local.state === 'editing') return { action: 'take' };
	return { action: 'conflict', conflict: { revision: server.revision, updatedAt: server.updatedAt } };
}

/** A save is worth queuing: something typed here that the server does not have, and no choice pending. */
export function shouldQueueSave(local: LocalDraftState & { conflict?: DraftConflict | null }): boolean {
	return local.state === 'editing' && local.dirty && !local.conflict;
}

export type RefusalDecision =
	| { action: 'conflict'; conflict: DraftConflict }
	/** Back to the form with the server's reason (and its field errors): nothing typed is lost. */
	| { action: 'refused'; reason: string; fields: Record<string, string> }
	| { action: 'ignore' };

/** The server refused a save, a submission or a deletion of this draft. */
export function decideRefusal(refusal: {
	kind: string;
	code?: string | undefined;
	reason?: string | undefined;
	fields?: Record<string, string> | undefined;
	conflict?: DraftConflict | undefined;
}): RefusalDecision {
	// A deletion refused: the demande is gone already, or no longer a draft; the pull shows which.
	if (refusal.kind === 'demande.delete.v1') return { action: 'ignore' };
	if (refusal.code === DRAFT_CONFLICT && refusal.conflict)
		return { action: 'conflict', conflict: refusal.conflict };
	const reason = refusal.reason ?? "La mairie n'a pas pu enregistrer cette demande.";
	// The fields it names (answers to correct, the hall's days taken), where the form leads back.
	return { action: 'refused', reason, fields: refusal.fields ?? {} };
}

/**
 * The parent's choice in a conflict. Keep mine: the next save starts from the server's revision
 * (so it is accepted, replacing theirs). Keep theirs: the server's answers replace the device's.
 */
export function resolveConflict(
	conflict: DraftConflict,
	choice: 'mine' | 'theirs'
): Pick<LocalDraftState, 'baseRevision' | 'dirty'> {
	return { baseRevision: conflict.revision, dirty: choice === 'mine' };
}
