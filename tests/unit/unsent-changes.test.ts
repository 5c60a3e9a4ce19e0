import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDraft, changeDraft } from '../../src/lib/offline/requests/drafts.ts';
import { queueSave } from '../../src/lib/offline/requests/draft-outbox.ts';
import { signOutQuestion, unsentChanges } from '../../src/lib/offline/unsent-changes.ts';
import { deviceDatabases } from './support-device-databases.ts';

const devices = deviceDatabases('unsent');

describe('what signing out would lose', () => {
	it('counts the outbox and the drafts typed but not queued yet, each once', async () => {
		const db = devices.fresh();
		expect(await unsentChanges(db)).toBe(0);
		await db.outbox.add({
			id: 'a',
			kind: 'reservation.create.v1',
			payload: {},
			createdAt: '2026-11-30T08:00:00Z'
		});
		const draft = await createDraft(db, 'contact-mairie', {});
		await changeDraft(db, draft.id, { data: { message: { objet: 'Trottoir' } }, step: 0 });
		expect(await unsentChanges(db)).toBe(2);
		// Its save queued: counted in the outbox, not a second time as a draft.
		await queueSave(db, draft.id);
		expect(await unsentChanges(db)).toBe(2);
	});

	it('asks in French, singular and plural, and not at all when nothing waits', () => {
		expect(signOutQuestion(0)).toBeNull();
		expect(signOutQuestion(1)).toMatch(
			/^1 modification \(agenda ou demande\) n'a pas encore été envoyée .* sera perdue\./
		);
		expect(signOutQuestion(3)).toMatch(
			/^3 modifications .* n'ont pas encore été envoyées .* seront perdues\./
		);
	});
});
