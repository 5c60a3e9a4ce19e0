import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
	decideAfterPull,
	fingerprint,
	type LocalDraftState
} from '../../src/lib/domain/requests/draft-sync-rules.ts';
import type { DemandeSavePayload } from '../../src/lib/domain/requests/mutations.ts';
import { DraftAutosave, dexieDraftStore } from '../../src/lib/offline/requests/draft-autosave.ts';
import { discardDraft, queueSave, queueSubmit } from '../../src/lib/offline/requests/draft-outbox.ts';
import {
	chooseVersion,
	reconcileDrafts,
	takeRefusals
} from '../../src/lib/offline/requests/draft-reconcile.ts';
import {
	changeDraft,
	createDraft,
	readDraft,
	type ServerDemande
} from '../../src/lib/offline/requests/drafts.ts';
import { deviceDatabases } from './support-device-databases.ts';

const devices = deviceDatabases('requests-drafts');
const T0 = new Date('2026-11-28T09:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const OBJET = (objet: string) => ({ message: { objet, message: 'Bonjour' } });

/** The server's version of `id`, as its pull lists it. */
function serverVersion(
	id: string,
	revision: number,
	data: Record<string, unknown>,
	writerId?: string
): ServerDemande {
	return {
		id,
		number: 82,
		formCode: 'contact-mairie',
		status: 'brouillon',
		revision,
		data,
		step: 0,
		updatedAt: later(30).toISOString(),
		...(writerId ? { writerId } : {})
	};
}

async function savesOf(db: ReturnType<typeof devices.fresh>, id: string) {
	const items = await db.outbox.orderBy('seq').toArray();
	return items.filter((i) => (i.payload as DemandeSavePayload).demandeId === id);
}

describe('a draft on the device', () => {
	it('keeps every change at once, found again by a reopened database (a reload)', async () => {
		const db = devices.fresh();
		const draft = await createDraft(db, 'contact-mairie', OBJET(''), T0);
		await changeDraft(db, draft.id, { data: OBJET('Trottoir abîmé'), step: 1 }, later(1));
		const reopened = devices.reopen(db.name);
		const found = await readDraft(reopened, draft.id);
		expect(found).toMatchObject({
			data: OBJET('Trottoir abîmé'),
			step: 1,
			dirty: true,
			savedAt: later(1).toISOString()
		});
	});

	it('waits in the outbox as one save at most, the newest, from the revision it started from', async () => {
		const db = devices.fresh();
		const draft = await createDraft(db, 'contact-mairie', OBJET('a'), T0);
		expect(await queueSave(db, draft.id, later(1))).toBe(true);
		await changeDraft(db, draft.id, { data: OBJET('ab'), step: 0 }, later(2));
		expect(await queueSave(db, draft.id, later(2))).toBe(true);
		const saves = await savesOf(db, draft.id);
		expect(saves).toHaveLength(1);
		expect(saves[0]).toMatchObject({ kind: 'demande.save.v1' });
		expect(saves[0]!.payload).toMatchObject({ data: OBJET('ab'), baseRevision: 0, writerId: draft.writerId });
	});

	it('is saved on the server no more once the server has what it holds', async () => {
		const db = devices.fresh();
		const draft = await createDraft(db, 'contact-mairie', OBJET('a'), T0);
		await queueSave(db, draft.id, later(1));
		await db.outbox.clear(); // the engine sent it; the pull shows the server has it
		await reconcileDrafts(db, [serverVersion(draft.id, 1, OBJET('a'), draft.writerId)], true);
		expect(await readDraft(db, draft.id)).toMatchObject({ baseRevision: 1, dirty: false, number: 82 });
		expect(await queueSave(db, draft.id, later(2))).toBe(false);
	});

	it("takes another device's newer version silently when nothing was typed here since", async () => {
		const db = devices.fresh();
		const draft = await createDraft(db, 'contact-mairie', OBJET('a'), T0);
		await queueSave(db, draft.id);
		await db.outbox.clear();
		await reconcileDrafts(db, [serverVersion(draft.id, 1, OBJET('a'))], true);
		await reconcileDrafts(
			db,
			[serverVersion(draft.id, 3, OBJET('écrit ailleurs'), crypto.randomUUID())],
			true,
			later(40)
		);
		expect(await readDraft(db, draft.id)).toMatchObject({
			data: OBJET('écrit ailleurs'),
			baseRevision: 3,
			dirty: false,
			takenAt: later(40).toISOString()
		});
	});

	it('asks the parent when both devices changed it, and keeps the version chosen', async () => {
		for (const choice of ['mine', 'theirs'] as const) {
			const db = devices.fresh();
			const draft = await createDraft(db, 'contact-mairie', OBJET('a'), T0);
			await queueSave(db, draft.id);
			await db.outbox.clear();
			await reconcileDrafts(db, [serverVersion(draft.id, 1, OBJET('a'))], true);
			await changeDraft(db, draft.id, { data: OBJET('écrit ici'), step: 0 }, later(20));
			const theirs = serverVersion(draft.id, 2, OBJET('écrit ailleurs'), crypto.randomUUID());
			await reconcileDrafts(db, [theirs], true);
			const conflicted = await readDraft(db, draft.id);
			expect(conflicted).toMatchObject({
				data: OBJET('écrit ici'),
				conflict: { revision: 2, updatedAt: theirs.updatedAt }
			});
			// No save is queued while the parent has not chosen: it would be refused again.
			expect(await queueSave(db, draft.id)).toBe(false);

			await chooseVersion(db, draft.id, choice, theirs, later(50));
			const chosen = await readDraft(db, draft.id);
			const saves = await savesOf(db, draft.id);
			if (choice === 'mine') {
				expect(chosen).toMatchObject({ data: OBJET('écrit ici'), conflict: null, dirty: true });
				expect(saves.map((s) => s.payload)).toMatchObject([{ data: OBJET('écrit ici'), baseRevision: 2 }]);
			} else {
				expect(chosen).toMatchObject({
					data: OBJET('écrit ailleurs'),
					conflict: null,
					dirty: false,
					baseRevision: 2
				});
				expect(saves).toEqual([]);
			}
		}
	});

	it('turns a save refused by the server as stale into the same choice', async () => {
		const db = devices.fresh();
		const draft = await createDraft(db, 'contact-mairie', OBJET('a'), T0);
		const conflict = { revision: 4, updatedAt: later(10).toISOString() };
		await db.table('outcomes').put({
			id: crypto.randomUUID(),
			kind: 'demande.save.v1',
			payload: { demandeId: draft.id },
			status: 'rejected',
			code: 'brouillon-modifie',
			reason: 'Ce brouillon a été modifié sur un autre appareil.',
			conflict,
			at: later(11).toISOString()
		});
		await takeRefusals(db);
		expect(await readDraft(db, draft.id)).toMatchObject({ conflict });
		expect(await db.outcomes.count()).toBe(0);
	});

	it('comes back to the form with the reasons when the server refuses its sending, nothing lost', async () => {
		const db = devices.fresh();
		const draft = await createDraft(db, 'contact-mairie', OBJET('a'), T0);
		await queueSubmit(db, draft.id, later(1));
		expect(await readDraft(db, draft.id)).toMatchObject({ state: 'envoi-en-attente' });
		const [submit] = await db.outbox.toArray();
		expect(submit).toMatchObject({
			kind: 'demande.submit.v1',
			payload: { demandeId: draft.id, data: OBJET('a') }
		});
		await db.outbox.clear();
		await db.table('outcomes').put({
			id: submit!.id,
			kind: 'demande.submit.v1',
			payload: submit!.payload,
			status: 'rejected',
			code: 'demande-invalide',
			reason: 'La demande est incomplète.',
			fields: { 'message.objet': "Indiquez l'objet de votre message." },
			at: later(2).toISOString()
		});
		await takeRefusals(db);
		expect(await readDraft(db, draft.id)).toMatchObject({
			state: 'editing',
			data: OBJET('a'),
			refusal: {
				reason: 'La demande est incomplète.',
				fields: { 'message.objet': "Indiquez l'objet de votre message." }
			}
		});
	});

	it('is done on the device once the server has it sent, and not before', async () => {
		const db = devices.fresh();
		const draft = await createDraft(db, 'contact-mairie', OBJET('a'), T0);
		await queueSubmit(db, draft.id);
		// The sending is still in the outbox: whatever the pull says, the draft stays.
		await reconcileDrafts(db, [], true);
		expect(await readDraft(db, draft.id)).toBeDefined();
		await db.outbox.clear();
		await reconcileDrafts(db, [{ ...serverVersion(draft.id, 1, OBJET('a')), status: 'envoyee' }], true);
		expect(await readDraft(db, draft.id)).toBeUndefined();
	});

	it('is deleted from the server too when the server may have it, from the device only otherwise', async () => {
		const db = devices.fresh();
		const never = await createDraft(db, 'contact-mairie', OBJET('a'), T0);
		expect(await discardDraft(db, never.id, false)).toBe(true);
		expect(await db.outbox.count()).toBe(0);
		const saved = await createDraft(db, 'contact-mairie', OBJET('b'), T0);
		await queueSave(db, saved.id);
		await discardDraft(db, saved.id, false);
		expect(await readDraft(db, saved.id)).toBeUndefined();
		expect((await db.outbox.toArray()).map((i) => [i.kind, i.payload])).toEqual([
			['demande.delete.v1', { demandeId: saved.id }]
		]);
	});
});

describe('the rules after a pull', () => {
	const local: LocalDraftState = {
		data: OBJET('ici'),
		baseRevision: 2,
		writerId: 'moi',
		dirty: true,
		queued: [fingerprint(OBJET('envoyé avant'))],
		state: 'editing'
	};
	const server = {
		revision: 3,
		status: 'brouillon' as const,
		data: OBJET('envoyé avant'),
		updatedAt: T0.toISOString()
	};

	it("recognises this device's own save, even replaced by a newer one since", () => {
		expect(decideAfterPull(local, server, true)).toEqual({ action: 'own', baseRevision: 3, dirty: true });
		expect(decideAfterPull(local, { ...server, writerId: 'moi' }, true)).toMatchObject({ action: 'own' });
		expect(decideAfterPull(local, { ...server, writerId: 'autre' }, true)).toMatchObject({
			action: 'conflict'
		});
	});

	it('keeps a draft the pull does not list unless it was on the server, unchanged here, and the list complete', () => {
		expect(decideAfterPull({ ...local, dirty: false }, null, true)).toEqual({ action: 'drop' });
		expect(decideAfterPull({ ...local, dirty: false }, null, false)).toEqual({ action: 'none' });
		expect(decideAfterPull(local, null, true)).toEqual({ action: 'none' });
		expect(decideAfterPull({ ...local, baseRevision: 0, dirty: false }, null, true)).toEqual({
			action: 'none'
		});
	});

	it('ignores an older or equal server revision', () => {
		expect(decideAfterPull(local, { ...server, revision: 2, data: OBJET('vieux') }, true)).toEqual({
			action: 'none'
		});
	});
});

describe('the form page and its draft', () => {
	const STEPS = ['message', 'recapitulatif'];

	it('writes typed answers as typed, a move between steps on the device only', async () => {
		const db = devices.fresh();
		const draft = await createDraft(db, 'contact-mairie', OBJET('a'), T0);
		await db.table('drafts').update(draft.id, { dirty: false });
		let typed = 0;
		const store = dexieDraftStore(db, draft.id, STEPS, () => typed++);
		expect(await store.load()).toEqual({ value: OBJET('a'), step: 'message' });
		await store.save({ value: OBJET('a'), step: 'message' });
		await store.save({ value: OBJET('a'), step: 'recapitulatif' });
		expect(typed).toBe(0);
		expect(await readDraft(db, draft.id)).toMatchObject({ step: 1, dirty: false });
		await store.save({ value: OBJET('ab'), step: 'recapitulatif' });
		expect(typed).toBe(1);
		expect(await readDraft(db, draft.id)).toMatchObject({ step: 1, dirty: true, data: OBJET('ab') });
	});

	it('saves on the server once the typing pauses, or at once when the step is left', async () => {
		const db = devices.fresh();
		const draft = await createDraft(db, 'contact-mairie', OBJET('a'), T0);
		let synced = 0;
		const autosave = new DraftAutosave(db, draft.id, () => synced++, 30);
		autosave.schedule();
		autosave.schedule();
		expect(await savesOf(db, draft.id)).toHaveLength(0);
		await expect.poll(() => synced, { timeout: 1000 }).toBe(1);
		expect(await savesOf(db, draft.id)).toHaveLength(1);
		await changeDraft(db, draft.id, { data: OBJET('ab'), step: 0 });
		autosave.schedule();
		await autosave.flush();
		expect(synced).toBe(2);
		expect((await savesOf(db, draft.id)).map((s) => s.payload)).toMatchObject([{ data: OBJET('ab') }]);
	});
});
