import { describe, expect, it } from 'vitest';
import {
	cancel,
	create,
	enrol,
	FRENCH_SENTENCE,
	push,
	pushOne,
	rowCounts,
	withDupinFamily,
	withMartinFamily
} from './support/agenda.ts';
import { testApp } from './support/test-app.ts';

// Two households on one portal: the DUPIN family (demo) and Claire MARTIN with her daughter Léa.
const NOW = '2026-11-28T09:00:00Z';
const CANTEEN = 'restauration-midi';

describe('two households', () => {
	it('complet: the last place of the centre de loisirs goes to one child of one household', async () => {
		const ctx = await testApp({ now: NOW });
		const dupin = await withDupinFamily(ctx);
		const martin = await withMartinFamily(ctx, ['centre-de-loisirs']);
		await enrol(ctx, dupin.timId, 'centre-de-loisirs');
		await ctx.db
			.updateTable('activity')
			.set({ capacity: 1 })
			.where('code', '=', 'centre-de-loisirs')
			.execute();

		expect(
			await pushOne(martin.client, create(martin.leaId, 'centre-de-loisirs', '2026-12-02'))
		).toMatchObject({
			status: 'applied'
		});
		expect(await pushOne(dupin.client, create(dupin.timId, 'centre-de-loisirs', '2026-12-02'))).toMatchObject(
			{
				status: 'rejected',
				code: 'complet',
				reason: '« Centre de loisirs (journée) » est complet le 02/12.'
			}
		);
		expect(await pushOne(dupin.client, create(dupin.timId, 'centre-de-loisirs', '2026-12-09'))).toMatchObject(
			{
				status: 'applied'
			}
		);
		await pushOne(martin.client, cancel(martin.leaId, 'centre-de-loisirs', '2026-12-02'));
		expect(await pushOne(dupin.client, create(dupin.timId, 'centre-de-loisirs', '2026-12-02'))).toMatchObject(
			{
				status: 'applied'
			}
		);
	});

	it('introuvable: another household’s child is refused and nothing at all is written', async () => {
		const ctx = await testApp({ now: NOW });
		const dupin = await withDupinFamily(ctx);
		const martin = await withMartinFamily(ctx, ['restauration-scolaire', 'centre-de-loisirs']);
		await pushOne(martin.client, create(martin.leaId, 'centre-de-loisirs', '2026-12-02'));
		const before = await rowCounts(ctx);

		const attempts = [
			create(martin.leaId, CANTEEN, '2026-12-03'),
			cancel(martin.leaId, 'centre-de-loisirs', '2026-12-02'),
			create(9999, CANTEEN, '2026-12-03')
		];
		const { status, body } = await push(dupin.client, ...attempts);
		expect(status).toBe(200);
		for (const [i, result] of body.results.entries()) {
			expect(result).toEqual({
				id: attempts[i]?.id,
				status: 'rejected',
				code: 'introuvable',
				reason: expect.stringMatching(FRENCH_SENTENCE)
			});
		}
		// And the other way round: Claire cannot book for Tim.
		expect(await pushOne(martin.client, create(dupin.timId, CANTEEN, '2026-12-03'))).toMatchObject({
			code: 'introuvable'
		});
		expect(await rowCounts(ctx)).toEqual(before);
		expect(await ctx.db.selectFrom('reservation').select('person_id').execute()).toEqual([
			{ person_id: martin.leaId }
		]);
	});
});
