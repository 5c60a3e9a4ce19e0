import type { FormCode } from '../../domain/requests/form-codes.ts';
import type { LocalDraftState, ServerDraftState } from '../../domain/requests/draft-sync-rules.ts';
import type { PortailDatabase } from '../database.ts';
import { draftsTable, type LocalDraft } from './tables.ts';

/** The server's version of a demande, as the drafts need it (from the requests pull). */
export type ServerDemande = ServerDraftState & {
	id: string;
	number: number;
	formCode: FormCode;
	step: number;
};

export type { LocalDraft };

export const localState = (draft: LocalDraft): LocalDraftState => ({
	data: draft.data,
	baseRevision: draft.baseRevision,
	writerId: draft.writerId,
	dirty: draft.dirty ?? false,
	queued: draft.queued ?? [],
	state: draft.state
});

export function readDraft(db: PortailDatabase, id: string): Promise<LocalDraft | undefined> {
	return draftsTable(db).get(id);
}

/** A new draft, its answers prefilled; its id is the demande's for good (the server's too). */
export async function createDraft(
	db: PortailDatabase,
	formCode: FormCode,
	data: Record<string, unknown>,
	now: Date = new Date()
): Promise<LocalDraft> {
	const at = now.toISOString();
	const draft: LocalDraft = {
		id: crypto.randomUUID(),
		formCode,
		writerId: crypto.randomUUID(),
		baseRevision: 0,
		step: 0,
		data,
		savedAt: at,
		createdAt: at,
		state: 'editing',
		dirty: true,
		queued: []
	};
	await draftsTable(db).put(draft);
	return draft;
}

/** A draft saved on another device, continued here: this device writes as a new writer. */
export async function continueServerDraft(db: PortailDatabase, server: ServerDemande): Promise<LocalDraft> {
	const existing = await draftsTable(db).get(server.id);
	if (existing) return existing;
	const draft: LocalDraft = {
		id: server.id,
		formCode: server.formCode,
		writerId: crypto.randomUUID(),
		baseRevision: server.revision,
		step: server.step,
		data: server.data,
		savedAt: server.updatedAt,
		state: 'editing',
		number: server.number,
		dirty: false,
		queued: []
	};
	await draftsTable(db).put(draft);
	return draft;
}

/** What was typed, at once. */
export async function changeDraft(
	db: PortailDatabase,
	id: string,
	change: { data: Record<string, unknown>; step: number },
	now: Date = new Date()
): Promise<void> {
	await draftsTable(db).update(id, {
		data: change.data,
		step: change.step,
		savedAt: now.toISOString(),
		dirty: true
	});
}
