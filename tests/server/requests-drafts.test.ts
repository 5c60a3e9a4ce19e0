import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DRAFT_CONFLICT, MAX_DEMANDES_PER_DAY, MAX_DRAFTS } from '../../src/lib/domain/requests/mutations.ts';
import { FRENCH_SENTENCE } from './support/agenda.ts';
import { apply, draft, requestRows, twoHouseholds } from './support/requests.ts';

describe('demande.save.v1: a draft on the server', () => {
	it('is created at its first save: brouillon, the town’s next number, revision 1, a history line', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const save = draft({ step: 2 });
		expect(await apply(ctx, dupin, 'save', save)).toEqual({
			ok: true,
			demande: { number: 1, revision: 1, status: 'brouillon' }
		});
		const row = await ctx.db
			.selectFrom('demande')
			.selectAll()
			.where('client_id', '=', save.demandeId)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			household_id: dupin.account.householdId,
			form_code: 'fiche-enfant',
			status: 'brouillon',
			step: 2,
			revision: 1,
			writer_id: save.writerId,
			created_by: dupin.account.id,
			created_at: '2026-11-28T09:00:00.000Z',
			submitted_at: null
		});
		expect(JSON.parse(row.data_json)).toEqual(save.data);
		const history = await ctx.db.selectFrom('demande_history').selectAll().execute();
		expect(history).toMatchObject([
			{ demande_id: row.id, author: 'DUPIN Pascal', from_status: null, to_status: 'brouillon' }
		]);
	});

	it('is updated by a save based on its revision, and deleted with its history', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const first = draft();
		await apply(ctx, dupin, 'save', first);
		ctx.clock.set('2026-11-28T09:05:00Z');
		const data = { enfant: { personId: null, nom: 'DUPIN Tom' }, autorisations: { image: 'oui' } };
		expect(await apply(ctx, dupin, 'save', { ...first, baseRevision: 1, step: 3, data })).toEqual({
			ok: true,
			demande: { number: 1, revision: 2, status: 'brouillon' }
		});
		const row = await ctx.db.selectFrom('demande').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ revision: 2, step: 3, updated_at: '2026-11-28T09:05:00.000Z' });
		expect(JSON.parse(row.data_json)).toEqual(data);

		expect(await apply(ctx, dupin, 'delete', { demandeId: first.demandeId })).toEqual({ ok: true });
		expect(await ctx.db.selectFrom('demande').selectAll().execute()).toEqual([]);
		expect(await ctx.db.selectFrom('demande_history').selectAll().execute()).toEqual([]);
	});

	it('numbers demandes in sequence, town-wide, and never gives a deleted one’s number again', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		expect(await apply(ctx, dupin, 'save', draft())).toMatchObject({ demande: { number: 1 } });
		const last = draft();
		expect(await apply(ctx, martin, 'save', last)).toMatchObject({ demande: { number: 2 } });
		// The most recent one deleted: its number is not given again.
		await apply(ctx, martin, 'delete', { demandeId: last.demandeId });
		expect(await apply(ctx, dupin, 'save', draft())).toMatchObject({ demande: { number: 3 } });
		// Saving again keeps the number.
		const b = draft();
		await apply(ctx, martin, 'save', b);
		expect(await apply(ctx, martin, 'save', { ...b, baseRevision: 1 })).toMatchObject({
			demande: { number: 4, revision: 2 }
		});
	});

	it('refuses a save based on a revision another device replaced, with both versions, and writes nothing', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const phone = draft({ savedAt: '2026-11-28T08:59:00.000Z' });
		await apply(ctx, dupin, 'save', phone);
		// The computer opens revision 1 and saves at 10:30, Paris time.
		ctx.clock.set('2026-11-28T09:30:00Z');
		const computer = { ...phone, writerId: randomUUID(), baseRevision: 1 };
		expect(await apply(ctx, dupin, 'save', computer)).toMatchObject({ ok: true, demande: { revision: 2 } });
		// The phone, back in the signal, sends a save it made offline from revision 1.
		const before = await requestRows(ctx);
		const stale = { ...phone, baseRevision: 1, savedAt: '2026-11-28T09:10:00.000Z', data: { x: 1 } };
		const refused = await apply(ctx, dupin, 'save', stale);
		expect(refused).toEqual({
			ok: false,
			code: DRAFT_CONFLICT,
			reason:
				'Ce brouillon a été enregistré sur un autre appareil le 28/11/2026 à 10:30:00 ; la version de cet ' +
				'appareil date du 28/11/2026 à 10:10:00. Choisissez la version à garder.',
			conflict: { revision: 2, updatedAt: '2026-11-28T09:30:00.000Z' }
		});
		expect(await requestRows(ctx)).toEqual(before);
		// Nor a base the server never gave.
		expect(await apply(ctx, dupin, 'save', { ...computer, baseRevision: 7 })).toMatchObject({
			code: DRAFT_CONFLICT
		});
		// Once the parent chose (the server's version, revision 2), the phone saves on top of it.
		expect(await apply(ctx, dupin, 'save', { ...stale, baseRevision: 2 })).toMatchObject({
			ok: true,
			demande: { revision: 3 }
		});
	});

	it('accepts a run of saves one device made offline from the same revision', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const phone = draft();
		await apply(ctx, dupin, 'save', phone);
		for (const [i, revision] of [2, 3, 4].entries()) {
			const save = { ...phone, baseRevision: 1, step: i + 1 };
			expect(await apply(ctx, dupin, 'save', save)).toMatchObject({ ok: true, demande: { revision } });
		}
		// Another device that knew revision 1 is refused: the phone saved since.
		const other = { ...phone, writerId: randomUUID(), baseRevision: 1 };
		expect(await apply(ctx, dupin, 'save', other)).toMatchObject({ ok: false, code: DRAFT_CONFLICT });
		// Once the other device saved, its run starts at 4: the phone's saves before are not its own,
		await apply(ctx, dupin, 'save', { ...other, baseRevision: 4 });
		expect(await apply(ctx, dupin, 'save', { ...other, baseRevision: 2 })).toMatchObject({
			code: DRAFT_CONFLICT
		});
		// and the phone's older run is over.
		expect(await apply(ctx, dupin, 'save', { ...phone, baseRevision: 4 })).toMatchObject({
			code: DRAFT_CONFLICT
		});
	});

	it(`keeps at most ${MAX_DRAFTS} drafts per household, refused with a reason`, async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		// Started over several days: a day's creations are bounded too (requests-bounds.test.ts).
		for (let i = 0; i < MAX_DRAFTS; i++) {
			ctx.clock.set(`2026-11-${String(1 + Math.floor(i / MAX_DEMANDES_PER_DAY)).padStart(2, '0')}T09:00:00Z`);
			await apply(ctx, dupin, 'save', draft());
		}
		const before = await requestRows(ctx);
		const refused = await apply(ctx, dupin, 'save', draft());
		expect(refused).toMatchObject({ ok: false, code: 'trop-de-brouillons' });
		if (!refused.ok) expect(refused.reason).toMatch(FRENCH_SENTENCE);
		expect(await requestRows(ctx)).toEqual(before);
		// Another household's drafts are its own.
		expect(await apply(ctx, martin, 'save', draft())).toMatchObject({ ok: true });
	});

	it('answers another household’s draft as an unknown one, and writes nothing', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		const mine = draft();
		await apply(ctx, dupin, 'save', mine);
		const before = await requestRows(ctx);
		for (const kind of ['save', 'submit'] as const) {
			const attempt = await apply(ctx, martin, kind, { ...mine, baseRevision: 1, writerId: randomUUID() });
			expect(attempt).toEqual({
				ok: false,
				code: 'introuvable',
				reason: "Cette demande n'existe pas ou plus."
			});
		}
		expect(await apply(ctx, martin, 'delete', { demandeId: mine.demandeId })).toEqual(
			await apply(ctx, martin, 'delete', { demandeId: randomUUID() })
		);
		expect(await apply(ctx, martin, 'delete', { demandeId: mine.demandeId })).toMatchObject({
			code: 'introuvable'
		});
		expect(await requestRows(ctx)).toEqual(before);
	});

	it('raises the household’s requests version with every change, and only then', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		const version = async (householdId: number) =>
			(
				await ctx.db
					.selectFrom('household_resource_version')
					.select('version')
					.where('household_id', '=', householdId)
					.where('resource', '=', 'requests')
					.executeTakeFirst()
			)?.version ?? 0;
		const d = draft();
		await apply(ctx, dupin, 'save', d);
		await apply(ctx, dupin, 'save', { ...d, baseRevision: 1 });
		expect(await version(dupin.account.householdId)).toBe(2);
		await apply(ctx, dupin, 'save', { ...d, writerId: randomUUID(), baseRevision: 1 }); // refused
		expect(await version(dupin.account.householdId)).toBe(2);
		await apply(ctx, dupin, 'delete', { demandeId: d.demandeId });
		expect(await version(dupin.account.householdId)).toBe(3);
		expect(await version(martin.account.householdId)).toBe(0);
	});
});
