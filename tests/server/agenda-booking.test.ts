import { describe, expect, it } from 'vitest';
import { cancel, create, enrol, push, pushOne, rowCounts, dupins } from './support/agenda.ts';

const CANTEEN = 'restauration-midi';
const CANTEEN_LINE = 'DUPIN Tim Restauration scolaire (1 x 3,50 €) Restauration scolaire - Repas de midi';

describe('booking and cancelling one day', () => {
	it('books a meal with its history line and debit, and a cancellation in time reverses it', async () => {
		const { ctx, client, timId } = await dupins();
		const booked = create(timId, CANTEEN, '2026-12-03');
		const { status, body } = await push(client, booked);
		expect(status).toBe(200);
		expect(body.results).toEqual([{ id: booked.id, status: 'applied' }]);

		const account = await ctx.db
			.selectFrom('account')
			.select(['id', 'household_id'])
			.executeTakeFirstOrThrow();
		expect(await ctx.db.selectFrom('reservation').selectAll().execute()).toEqual([
			expect.objectContaining({
				household_id: account.household_id,
				person_id: timId,
				activity_code: CANTEEN,
				service_date: '2026-12-03',
				created_at: '2026-11-28T09:00:00.000Z',
				created_by: account.id
			})
		]);

		ctx.clock.set('2026-12-01T15:00:00Z');
		expect(await pushOne(client, cancel(timId, CANTEEN, '2026-12-03'))).toMatchObject({ status: 'applied' });
		expect(await ctx.db.selectFrom('reservation').selectAll().execute()).toEqual([]);

		const history = await ctx.db
			.selectFrom('reservation_history')
			.select(['person_id', 'service_date', 'activity_code', 'action', 'at', 'author'])
			.orderBy('id')
			.execute();
		const line = {
			person_id: timId,
			service_date: '2026-12-03',
			activity_code: CANTEEN,
			author: 'DUPIN Pascal'
		};
		expect(history).toEqual([
			{ ...line, action: '+', at: '2026-11-28T09:00:00.000Z' },
			{ ...line, action: '-', at: '2026-12-01T15:00:00.000Z' }
		]);

		const ledger = await ctx.db.selectFrom('ledger_entry').selectAll().orderBy('id').execute();
		expect(ledger).toEqual([
			expect.objectContaining({
				household_id: account.household_id,
				kind: 'presence',
				value_date: '2026-12-03',
				recorded_at: '2026-11-28T09:00:00.000Z',
				label: CANTEEN_LINE,
				sublabel: 'Présence - Tarif normal',
				debit_cents: 350,
				credit_cents: 0,
				person_id: timId,
				activity_code: CANTEEN
			}),
			expect.objectContaining({
				kind: 'annulation',
				value_date: '2026-12-03',
				recorded_at: '2026-12-01T15:00:00.000Z',
				label: `Annulation ${CANTEEN_LINE}`,
				debit_cents: 0,
				credit_cents: 350
			})
		]);
	});

	it('gives back what was charged when cancelling, even after a change of tariff', async () => {
		const { ctx, client, timId } = await dupins();
		await pushOne(client, create(timId, CANTEEN, '2026-12-03'));
		await ctx.db.updateTable('activity').set({ price_cents: 400 }).where('code', '=', CANTEEN).execute();
		expect(await pushOne(client, cancel(timId, CANTEEN, '2026-12-03'))).toMatchObject({ status: 'applied' });
		const lines = await ctx.db
			.selectFrom('ledger_entry')
			.select(['debit_cents', 'credit_cents'])
			.orderBy('id')
			.execute();
		expect(lines).toEqual([
			{ debit_cents: 350, credit_cents: 0 },
			{ debit_cents: 0, credit_cents: 350 }
		]);
	});

	it('credits, for each cancellation, what its own booking was charged, however many came before', async () => {
		const { ctx, client, timId } = await dupins();
		const price = (cents: number) =>
			ctx.db.updateTable('activity').set({ price_cents: cents }).where('code', '=', CANTEEN).execute();
		for (const cents of [350, 400, 380]) {
			await price(cents);
			await pushOne(client, create(timId, CANTEEN, '2026-12-03'));
			await price(999); // changed again before the cancellation: what was charged is given back
			expect(await pushOne(client, cancel(timId, CANTEEN, '2026-12-03'))).toMatchObject({
				status: 'applied'
			});
		}
		const lines = await ctx.db
			.selectFrom('ledger_entry')
			.select(['debit_cents', 'credit_cents'])
			.orderBy('id')
			.execute();
		expect(lines.map((l) => l.debit_cents - l.credit_cents)).toEqual([350, -350, 400, -400, 380, -380]);
	});

	it('records a free garderie with a line at 0 € "Tarif gratuit"', async () => {
		const { ctx, client, timId } = await dupins();
		expect(await pushOne(client, create(timId, 'garderie-matin-gratuite', '2026-12-04'))).toMatchObject({
			status: 'applied'
		});
		expect(await ctx.db.selectFrom('ledger_entry').selectAll().execute()).toEqual([
			expect.objectContaining({
				label: 'DUPIN Tim Garderie (1 x 0,00 €) Garderie matin - Garderie matin gratuite',
				sublabel: 'Tarif gratuit',
				debit_cents: 0
			})
		]);
	});
});

describe('every refusal is an answer (HTTP 200) with a code and a French reason', () => {
	it('fermé: Wednesday canteen, weekend, public holiday, Noël holidays, out of the school year', async () => {
		const { ctx, client, timId } = await dupins();
		const days = ['2026-12-02', '2026-12-05', '2026-12-06', '2027-03-29', '2026-12-21', '2027-07-05'];
		const { status, body } = await push(client, ...days.map((d) => create(timId, CANTEEN, d)));
		expect(status).toBe(200);
		for (const result of body.results) expect(result).toMatchObject({ status: 'rejected', code: 'ferme' });
		expect(body.results[0]).toMatchObject({
			reason: 'Pas de restauration scolaire le 02/12 (service fermé ce jour-là).'
		});
		expect(body.results[3]).toMatchObject({ reason: expect.stringContaining('29/03') });
		// The centre de loisirs runs on Wednesdays and school holidays, never on a school day.
		await enrol(ctx, timId, 'centre-de-loisirs');
		expect(await pushOne(client, create(timId, 'centre-de-loisirs', '2026-12-03'))).toMatchObject({
			code: 'ferme'
		});
		expect(await rowCounts(ctx)).toMatchObject({ reservations: 0, history: 0, ledger: 0 });
	});

	it('non inscrit: Tim has no centre de loisirs on his fiche enfant', async () => {
		const { ctx, client, timId } = await dupins();
		expect(await pushOne(client, create(timId, 'centre-de-loisirs', '2026-12-02'))).toMatchObject({
			status: 'rejected',
			code: 'non-inscrit',
			reason:
				"L'enfant n'est pas inscrit à l'activité « Centre de loisirs » (inscription par la fiche enfant)."
		});
		// Holidays are leisure days: once enrolled, he may come during the Noël holidays.
		await enrol(ctx, timId, 'centre-de-loisirs');
		expect(await pushOne(client, create(timId, 'centre-de-loisirs', '2026-12-21'))).toMatchObject({
			status: 'applied'
		});
	});

	it('délai dépassé: the day before at the activity’s hour (Paris time), and never the same day', async () => {
		const { ctx, client, timId } = await dupins();
		ctx.clock.set('2026-11-30T08:59:59Z'); // 09:59:59 in Paris: the canteen of Tuesday is still open
		expect(await pushOne(client, create(timId, CANTEEN, '2026-12-01'))).toMatchObject({ status: 'applied' });
		ctx.clock.set('2026-11-30T09:00:00Z'); // 10:00: closed for the canteen, garderies until 18:00
		expect(await pushOne(client, cancel(timId, CANTEEN, '2026-12-01'))).toEqual({
			id: expect.any(String),
			status: 'rejected',
			code: 'delai-depasse',
			reason: 'La date limite est dépassée depuis le 30/11/2026 à 10:00.'
		});
		expect(await pushOne(client, create(timId, 'garderie-soir-payante', '2026-12-01'))).toMatchObject({
			status: 'applied'
		});
		ctx.clock.set('2026-11-30T17:00:00Z');
		expect(await pushOne(client, create(timId, 'garderie-matin-payante', '2026-12-01'))).toMatchObject({
			code: 'delai-depasse',
			reason: 'La date limite est dépassée depuis le 30/11/2026 à 18:00.'
		});
		ctx.clock.set('2026-12-01T05:00:00Z');
		const sameDay = await push(
			client,
			create(timId, 'garderie-soir-gratuite', '2026-12-01'),
			create(timId, CANTEEN, '2026-11-30')
		);
		expect(sameDay.body.results.map((r) => 'code' in r && r.code)).toEqual([
			'delai-depasse',
			'delai-depasse'
		]);
		expect(await rowCounts(ctx)).toMatchObject({ reservations: 2, ledger: 2 });
	});

	it('délai dépassé follows summer time: 10:00 in Paris is 08:00 UTC after the change', async () => {
		const { client, ctx, timId } = await dupins('2027-03-27T09:00:00Z'); // clocks change on the 28th
		ctx.clock.set('2027-03-29T07:59:00Z');
		expect(await pushOne(client, create(timId, CANTEEN, '2027-03-30'))).toMatchObject({ status: 'applied' });
		ctx.clock.set('2027-03-29T08:00:00Z');
		expect(await pushOne(client, cancel(timId, CANTEEN, '2027-03-30'))).toMatchObject({
			code: 'delai-depasse'
		});
	});

	it('déjà réservé, and a cancellation of nothing: pas de réservation', async () => {
		const { ctx, client, timId } = await dupins();
		const { body } = await push(
			client,
			create(timId, CANTEEN, '2026-12-03'),
			create(timId, CANTEEN, '2026-12-03'),
			cancel(timId, CANTEEN, '2026-12-04')
		);
		expect(body.results.slice(1)).toMatchObject([
			{ status: 'rejected', code: 'deja-reserve', reason: 'Déjà réservé le 03/12.' },
			{ status: 'rejected', code: 'non-reserve', reason: 'Aucune réservation à annuler le 04/12.' }
		]);
		expect(await rowCounts(ctx)).toMatchObject({ reservations: 1, history: 1, ledger: 1 });
	});

	it('conflit: one morning garderie per morning, the other one again once the first is cancelled', async () => {
		const { client, timId } = await dupins();
		const { body } = await push(
			client,
			create(timId, 'garderie-matin-gratuite', '2026-12-03'),
			create(timId, 'garderie-matin-payante', '2026-12-03'),
			create(timId, 'garderie-matin-payante', '2026-12-04'),
			cancel(timId, 'garderie-matin-gratuite', '2026-12-03'),
			create(timId, 'garderie-matin-payante', '2026-12-03')
		);
		expect(body.results.map((r) => r.status)).toEqual([
			'applied',
			'rejected',
			'applied',
			'applied',
			'applied'
		]);
		expect(body.results[1]).toMatchObject({
			code: 'conflit',
			reason: '« Garderie matin gratuite » est déjà réservée le 03/12 (une seule garderie matin par jour).'
		});
	});
});
