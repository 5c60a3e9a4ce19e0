import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/domain/agenda/dates.ts';
import { OVER_DAY_BUDGET } from '../../src/lib/domain/sync/mutation-result.ts';
import type { BulkPayload, PushResponse } from '../../src/lib/domain/sync/protocol.ts';
import {
	bulkWeight,
	DAY_CHANGE_BUDGET,
	MAX_MUTATION_WEIGHT,
	PUSH_BUDGET
} from '../../src/lib/domain/sync/push-budget.ts';
import { addChild } from '../../server/profile/household-service.ts';
import {
	bulk,
	cancel,
	create,
	dupins,
	FRENCH_SENTENCE,
	push,
	pushOne,
	pushRequest,
	rowCounts,
	withMartinFamily
} from './support/agenda.ts';
import { json } from './support/http-client.ts';

// Every change a household makes is a history line and a ledger line for ever: its pushes get a
// budget of day changes per day. Beyond it, each mutation is rejected with a French reason (the
// parent sees it), nothing is written, and the next day the same change goes through.

const HEAVY: Omit<BulkPayload, 'personIds' | 'action'> = {
	from: '2026-11-30',
	to: '2028-01-03',
	activityCodes: [
		'restauration-midi',
		'garderie-matin-gratuite',
		'garderie-soir-gratuite',
		'garderie-soir-payante',
		'centre-de-loisirs'
	],
	periodicity: 'aucune',
	weekdays: []
};
/** The heaviest saisie groupée for one child (2,000 day changes), booking or cancelling. */
const heaviest = (personId: number, i: number) =>
	bulk({ ...HEAVY, personIds: [personId], action: i % 2 === 0 ? 'creer' : 'supprimer' });
const PER_DAY = DAY_CHANGE_BUDGET / MAX_MUTATION_WEIGHT;
/** Sunday 29 November, 00:30 in Paris: the next day, every deadline of Monday still open. */
const NEXT_DAY = '2026-11-28T23:30:00Z';

describe('a household’s budget of day changes per day', () => {
	it('rejects each mutation beyond it with its reason, writes nothing, and takes it the next day', async () => {
		const { ctx, client, timId } = await dupins();
		expect(bulkWeight({ ...HEAVY, personIds: [timId] })).toBe(MAX_MUTATION_WEIGHT);
		const day = Array.from({ length: PER_DAY }, (_, i) => heaviest(timId, i));
		const { body } = await push(client, ...day);
		expect(body.results.map((r) => r.status)).toEqual(day.map(() => 'applied'));
		const spent = await rowCounts(ctx);

		const booking = cancel(timId, 'restauration-midi', '2026-12-10');
		const more = heaviest(timId, 1);
		const refused = await push(client, booking, more);
		expect(refused.status).toBe(200);
		expect(refused.body.results).toEqual([
			{ id: booking.id, status: 'rejected', code: OVER_DAY_BUDGET, reason: expect.any(String) },
			{ id: more.id, status: 'rejected', code: OVER_DAY_BUDGET, reason: expect.any(String) }
		]);
		for (const r of refused.body.results) {
			expect(r.status === 'rejected' && r.reason).toMatch(FRENCH_SENTENCE);
			expect(r.status === 'rejected' && r.reason).toMatch(
				/les 10\u202f000 changements de réservation permis par jour.*demain/
			);
		}
		expect(await rowCounts(ctx)).toEqual(spent);

		// Another household has its own budget.
		const martin = await withMartinFamily(ctx, ['restauration-scolaire']);
		expect(
			await pushOne(martin.client, create(martin.leaId, 'restauration-midi', '2026-12-10'))
		).toMatchObject({ status: 'applied' });
		// The next day (Paris), the same changes are taken again: the refusals were not recorded.
		ctx.clock.set(NEXT_DAY);
		const again = await push(client, booking, more);
		expect(again.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
	});

	it('tells what is left when a saisie groupée asks for more than remains', async () => {
		const { client, timId } = await dupins();
		// 1,500 day changes (300 days × 5 activities), then four of 2,000: 500 are left.
		const first = bulk({ ...HEAVY, personIds: [timId], action: 'creer', to: addDays(HEAVY.from, 299) });
		expect(bulkWeight(first.payload as BulkPayload)).toBe(1500);
		await push(client, first, ...Array.from({ length: PER_DAY - 1 }, (_, i) => heaviest(timId, i + 1)));
		const result = await pushOne(client, heaviest(timId, 0));
		expect(result).toMatchObject({ status: 'rejected', code: OVER_DAY_BUDGET });
		expect(result.status === 'rejected' && result.reason).toBe(
			'La limite du jour est atteinte, cette modification demande 2\u202f000 changements de réservation et ' +
				"il n'en reste que 500 aujourd'hui à votre foyer, sur les 10\u202f000 changements de " +
				"réservation permis par jour. Elle n'a pas été enregistrée ; refaites-la demain, ou " +
				'choisissez une période plus courte.'
		);
		// What remains is still there for smaller changes.
		expect(await pushOne(client, cancel(timId, 'restauration-midi', '2026-12-10'))).toMatchObject({
			status: 'applied'
		});
	});

	it('counts a mutation once: neither its parts nor a replay take from the budget again', async () => {
		const { client, timId } = await dupins();
		const day = Array.from({ length: PER_DAY }, (_, i) => heaviest(timId, i));
		// Each in a push of its own, each sent twice (an answer lost on the way back).
		for (const m of day) {
			const [a, b] = [await pushOne(client, m), await pushOne(client, m)];
			expect(b).toEqual(a);
			expect(a.status).toBe('applied');
		}
		expect(await pushOne(client, cancel(timId, 'restauration-midi', '2026-12-10'))).toMatchObject({
			code: OVER_DAY_BUDGET
		});
	});

	it('lets two pushes at once take no more than the budget together', async () => {
		const { ctx, client, timId } = await dupins();
		const batch = (offset: number) => Array.from({ length: PER_DAY }, (_, i) => heaviest(timId, offset + i));
		const answers = await Promise.all([pushRequest(client, batch(0)), pushRequest(client, batch(1))]);
		const results = (await Promise.all(answers.map((a) => json<PushResponse>(a)))).flatMap((a) => a.results);
		expect(results).toHaveLength(2 * (PUSH_BUDGET / MAX_MUTATION_WEIGHT));
		expect(results.filter((r) => r.status === 'applied')).toHaveLength(PER_DAY);
		expect(results.filter((r) => r.status === 'rejected' && r.code === OVER_DAY_BUDGET)).toHaveLength(
			PER_DAY
		);
		expect(await rowCounts(ctx)).toMatchObject({ applied: PER_DAY });
	});

	it('leaves a parent’s real use far inside: a school year for three children in three activities, done twice, then corrected', async () => {
		const { ctx, client, timId } = await dupins('2026-08-28T09:00:00Z');
		const household = await ctx.db
			.selectFrom('person')
			.select(['household_id', 'id'])
			.where('id', '=', timId)
			.executeTakeFirstOrThrow();
		const titulaire = await ctx.db
			.selectFrom('account')
			.select('person_id')
			.where('username', '=', 'pascal.dupin')
			.executeTakeFirstOrThrow();
		const children = [timId];
		for (const prenom of ['Léo', 'Zoé']) {
			children.push(
				await addChild(
					ctx.db,
					household.household_id,
					{ personId: titulaire.person_id, relation: 'pere' },
					{
						sexe: 'M',
						nomNaissance: 'Dupin',
						prenom,
						dateNaissance: '2019-05-05',
						paysNaissance: 'France',
						communeNaissance: 'Boulogne-sur-Mer',
						departementNaissance: '62',
						sessions: ['restauration-scolaire', 'garderie']
					},
					ctx.clock.now().toISOString()
				)
			);
		}
		const year = (action: BulkPayload['action']): BulkPayload => ({
			personIds: children,
			action,
			from: '2026-09-01',
			to: '2027-07-02',
			activityCodes: ['restauration-midi', 'garderie-matin-gratuite', 'garderie-soir-gratuite'],
			periodicity: 'hebdomadaire',
			weekdays: [0, 1, 2, 3, 4]
		});
		const weight = bulkWeight(year('creer'));
		expect(weight).toBeLessThanOrEqual(MAX_MUTATION_WEIGHT);
		expect(weight * 5).toBeLessThanOrEqual(DAY_CHANGE_BUDGET);
		// The year booked, all cancelled, booked again, then a hundred days changed one by one.
		const corrections = Array.from({ length: 50 }, (_, i) => {
			const date = `2026-${i < 25 ? '09' : '10'}-${String((i % 25) + 2).padStart(2, '0')}`;
			return [cancel(timId, 'restauration-midi', date), create(timId, 'restauration-midi', date)];
		}).flat();
		const { body } = await push(
			client,
			bulk(year('creer')),
			bulk(year('supprimer')),
			bulk(year('creer')),
			...corrections
		);
		expect(body.results.filter((r) => r.status === 'rejected' && r.code === OVER_DAY_BUDGET)).toEqual([]);
		expect(body.results).toHaveLength(3 + corrections.length);
	});
});
