import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMANDE_INVALID, DRAFT_CONFLICT } from '../../src/lib/domain/requests/mutations.ts';
import { mutation, push, pushOne } from './support/agenda.ts';
import { draft, requestRows, twoHouseholds } from './support/requests.ts';

const message = {
	message: { nom: 'DUPIN Pascal', objet: 'Cantine', message: 'Bonjour.', pieceJointe: null }
};
const contact = (overrides = {}) => draft({ formCode: 'contact-mairie', data: message, ...overrides });

describe('POST /api/sync/push: demandes', () => {
	it('saves, sends and deletes through the outbox, with the town’s number in each answer', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const d = contact();
		const saved = mutation('demande.save.v1', d);
		expect(await pushOne(dupin.client, saved)).toEqual({
			id: saved.id,
			status: 'applied',
			demande: { number: 1, revision: 1, status: 'brouillon' }
		});
		const sent = mutation('demande.submit.v1', { ...d, baseRevision: 1 });
		expect(await pushOne(dupin.client, sent)).toEqual({
			id: sent.id,
			status: 'applied',
			demande: { number: 1, revision: 2, status: 'envoyee' }
		});
		const other = contact();
		await pushOne(dupin.client, mutation('demande.save.v1', other));
		const deleted = mutation('demande.delete.v1', { demandeId: other.demandeId });
		expect(await pushOne(dupin.client, deleted)).toEqual({ id: deleted.id, status: 'applied' });
		expect((await ctx.db.selectFrom('demande').select('number').execute()).map((r) => r.number)).toEqual([1]);
	});

	it('gives one demande for an offline submission replayed, with the stored answer', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const sent = mutation('demande.submit.v1', contact());
		const first = await pushOne(dupin.client, sent);
		const rows = await requestRows(ctx);
		// The answer lost on the way back: the outbox sends it again, twice in one push too.
		const { body } = await push(dupin.client, sent, sent);
		expect(body.results).toEqual([first, first]);
		expect(await requestRows(ctx)).toEqual(rows);
		expect(await ctx.db.selectFrom('demande').selectAll().execute()).toHaveLength(1);
	});

	it('refuses with the fields, or with the other device’s version, and writes no demande', async () => {
		const { ctx, dupin } = await twoHouseholds();
		const bad = mutation(
			'demande.submit.v1',
			contact({ data: { message: { ...message.message, objet: '' } } })
		);
		expect(await pushOne(dupin.client, bad)).toMatchObject({
			status: 'rejected',
			code: DEMANDE_INVALID,
			fields: { 'message.objet': expect.any(String) }
		});
		expect(await ctx.db.selectFrom('demande').selectAll().execute()).toEqual([]);
		const d = contact();
		await pushOne(dupin.client, mutation('demande.save.v1', d));
		await pushOne(
			dupin.client,
			mutation('demande.save.v1', { ...d, writerId: randomUUID(), baseRevision: 1 })
		);
		expect(await pushOne(dupin.client, mutation('demande.save.v1', { ...d, baseRevision: 1 }))).toMatchObject(
			{
				status: 'rejected',
				code: DRAFT_CONFLICT,
				conflict: { revision: 2, updatedAt: '2026-11-28T09:00:00.000Z' }
			}
		);
	});

	it('answers another household’s demande as unknown, and writes nothing', async () => {
		const { ctx, dupin, martin } = await twoHouseholds();
		const d = contact();
		await pushOne(dupin.client, mutation('demande.save.v1', d));
		const rows = await requestRows(ctx);
		for (const m of [
			mutation('demande.save.v1', { ...d, baseRevision: 1 }),
			mutation('demande.submit.v1', { ...d, baseRevision: 1 }),
			mutation('demande.delete.v1', { demandeId: d.demandeId })
		]) {
			expect(await pushOne(martin.client, m)).toMatchObject({ status: 'rejected', code: 'introuvable' });
		}
		expect({ ...(await requestRows(ctx)) }).toEqual(rows);
	});
});
