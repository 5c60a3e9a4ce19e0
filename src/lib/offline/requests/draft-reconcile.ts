import { decideAfterPull, decideRefusal, resolveConflict } from '../../domain/requests/draft-sync-rules.ts';
import type { PortailDatabase } from '../database.ts';
import { queueSave } from './draft-outbox.ts';
import { localState, type ServerDemande } from './drafts.ts';
import { draftsTable, outboxTable } from './tables.ts';

/** The parent's choice between this device's version and the other's (`server`, its newer one). */
export async function chooseVersion(
	db: PortailDatabase,
	id: string,
	choice: 'mine' | 'theirs',
	server: ServerDemande,
	now: Date = new Date()
): Promise<void> {
	await db.transaction('rw', draftsTable(db), outboxTable(db), async () => {
		const draft = await draftsTable(db).get(id);
		if (!draft?.conflict) return;
		const resolved = resolveConflict(draft.conflict, choice);
		if (choice === 'theirs') {
			await draftsTable(db).update(id, {
				...resolved,
				baseRevision: Math.max(resolved.baseRevision, server.revision),
				data: server.data,
				step: server.step,
				savedAt: server.updatedAt,
				takenAt: now.toISOString(),
				conflict: null,
				state: 'editing'
			});
			return;
		}
		await draftsTable(db).update(id, { ...resolved, conflict: null, state: 'editing' });
	});
	if (choice === 'mine') await queueSave(db, id, now);
}

/**
 * After a pull: each draft of the device against the server's version (see draft-sync-rules.ts).
 * `complete` false when the pull lists only the most recent demandes.
 */
export async function reconcileDrafts(
	db: PortailDatabase,
	server: readonly ServerDemande[],
	complete: boolean,
	now: Date = new Date()
): Promise<void> {
	const byId = new Map(server.map((d) => [d.id, d]));
	await db.transaction('rw', draftsTable(db), outboxTable(db), async () => {
		const waiting = new Set(
			(await outboxTable(db).toArray()).map(
				(item) => (item.payload as { demandeId?: string } | null)?.demandeId
			)
		);
		for (const draft of await draftsTable(db).toArray()) {
			// Its sending or a save still in the outbox: the server has not seen this device's last word.
			if (waiting.has(draft.id)) continue;
			const theirs = byId.get(draft.id) ?? null;
			const decision = decideAfterPull(localState(draft), theirs, complete);
			if (decision.action === 'drop') await draftsTable(db).delete(draft.id);
			else if (decision.action === 'own' && theirs)
				await draftsTable(db).update(draft.id, {
					baseRevision: decision.baseRevision,
					dirty: decision.dirty,
					number: theirs.number
				});
			else if (decision.action === 'take' && theirs)
				await draftsTable(db).update(draft.id, {
					data: theirs.data,
					step: theirs.step,
					baseRevision: theirs.revision,
					savedAt: theirs.updatedAt,
					number: theirs.number,
					dirty: false,
					takenAt: now.toISOString()
				});
			else if (decision.action === 'conflict')
				await draftsTable(db).update(draft.id, {
					conflict: decision.conflict,
					number: theirs?.number ?? draft.number
				});
			else if (theirs && draft.number !== theirs.number)
				await draftsTable(db).update(draft.id, { number: theirs.number });
		}
	});
}

const DEMANDE_KINDS: ReadonlySet<string> = new Set([
	'demande.save.v1',
	'demande.submit.v1',
	'demande.delete.v1'
]);

/**
 * The server's refusals of this device's demande changes, moved onto their drafts, where the form
 * shows them (a conflict to settle, the reason and the field errors of a refused sending), then
 * taken from the outcomes: the draft says it from now on, until the parent acts.
 */
export async function takeRefusals(db: PortailDatabase): Promise<void> {
	await db.transaction('rw', draftsTable(db), db.outcomes, async () => {
		const refusals = await db.outcomes
			.filter((o) => o.status === 'rejected' && DEMANDE_KINDS.has(o.kind))
			.toArray();
		for (const outcome of refusals) {
			const id = (outcome.payload as { demandeId?: string } | null)?.demandeId;
			const draft = id ? await draftsTable(db).get(id) : undefined;
			const decision = decideRefusal(outcome);
			if (draft && decision.action === 'conflict')
				await draftsTable(db).update(draft.id, {
					conflict: decision.conflict,
					state: 'editing',
					dirty: true
				});
			else if (draft && decision.action === 'refused')
				await draftsTable(db).update(draft.id, {
					refusal: { reason: decision.reason, fields: decision.fields },
					state: 'editing',
					dirty: true
				});
			await db.outcomes.delete(outcome.id);
		}
	});
}
