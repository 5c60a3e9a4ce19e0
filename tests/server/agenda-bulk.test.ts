import { describe, expect, it } from 'vitest';
import { dayKind, daysBetween } from '../../src/lib/domain/agenda/calendar.ts';
import type { BulkPayload, BulkSummary } from '../../src/lib/domain/sync/protocol.ts';
import { loadCalendar } from '../../server/agenda/agenda-data.ts';
import { addChild } from '../../server/profile/household-service.ts';
import {
	bulk,
	create,
	dupins,
	enrol,
	FRENCH_SENTENCE,
	pull,
	pushOne,
	rowCounts,
	withMartinFamily
} from './support/agenda.ts';
import type { TestClient } from './support/http-client.ts';
import type { TestCtx } from './support/test-app.ts';

const TWO_WEEKS = [
	'restauration-midi',
	'garderie-matin-gratuite',
	'garderie-matin-payante',
	'centre-de-loisirs'
];

async function saisie(client: TestClient, payload: BulkPayload): Promise<BulkSummary> {
	const result = await pushOne(client, bulk(payload));
	if (result.status !== 'applied' || !result.summary) throw new Error(JSON.stringify(result));
	return result.summary;
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
	return out;
}

async function bookedDays(ctx: TestCtx, activityCode: string) {
	const rows = await ctx.db
		.selectFrom('reservation')
		.select('service_date')
		.where('activity_code', '=', activityCode)
		.orderBy('service_date')
		.execute();
	return rows.map((r) => r.service_date);
}

/** Zoé DUPIN, Tim's sister, enrolled in `sessions`. */
async function addZoe(ctx: TestCtx, sessions: string[]): Promise<number> {
	const pascal = await ctx.db
		.selectFrom('account')
		.select(['household_id', 'person_id'])
		.where('username', '=', 'pascal.dupin')
		.executeTakeFirstOrThrow();
	return addChild(
		ctx.db,
		pascal.household_id,
		{ personId: pascal.person_id, relation: 'pere' },
		{
			sexe: 'F',
			nomNaissance: 'Dupin',
			prenom: 'Zoé',
			dateNaissance: '2018-05-04',
			paysNaissance: 'France',
			communeNaissance: 'Boulogne-sur-Mer',
			departementNaissance: '62',
			sessions
		},
		ctx.clock.now().toISOString()
	);
}

async function balance(ctx: TestCtx) {
	const rows = await ctx.db.selectFrom('ledger_entry').select(['debit_cents', 'credit_cents']).execute();
	return rows.reduce((sum, r) => sum + r.credit_cents - r.debit_cents, 0);
}

describe('saisie groupée', () => {
	it('books two weeks of several activities and tells each skipped day with its reason', async () => {
		const { ctx, client, timId } = await dupins();
		await pushOne(client, create(timId, 'restauration-midi', '2026-12-03'));
		// From Friday 27/11 (already past) to Friday 11/12, every weekday.
		const summary = await saisie(client, {
			personIds: [timId],
			action: 'creer',
			from: '2026-11-27',
			to: '2026-12-11',
			activityCodes: TWO_WEEKS,
			periodicity: 'hebdomadaire',
			weekdays: [0, 1, 2, 3, 4]
		});
		// 8 school days: 7 meals (one was booked already) and 8 free morning garderies.
		expect(summary.booked).toBe(15);
		expect(summary.cancelled).toBe(0);
		expect(countBy(summary.skipped, (s) => s.code)).toEqual({
			'delai-depasse': 3, // the three school activities of the 27th
			ferme: 15, // centre de loisirs on school days, canteen and garderies on Wednesdays
			'deja-reserve': 1,
			conflit: 8, // the paid morning garderie, after the free one of the same morning
			'non-inscrit': 2 // centre de loisirs on Wednesdays
		});
		for (const skip of summary.skipped) {
			expect(skip.personId).toBe(timId);
			expect(skip.reason).toMatch(FRENCH_SENTENCE);
		}
		expect(summary.skipped).toContainEqual({
			personId: timId,
			date: '2026-12-02',
			activityCode: 'centre-de-loisirs',
			code: 'non-inscrit',
			reason:
				"L'enfant n'est pas inscrit à l'activité « Centre de loisirs » (inscription par la fiche enfant)."
		});
		expect(summary.skipped).toContainEqual(
			expect.objectContaining({ date: '2026-12-03', activityCode: 'restauration-midi', code: 'deja-reserve' })
		);
		const schoolDays = ['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-04'];
		const nextWeek = ['2026-12-07', '2026-12-08', '2026-12-10', '2026-12-11'];
		expect(await bookedDays(ctx, 'restauration-midi')).toEqual([...schoolDays, ...nextWeek]);
		expect(await bookedDays(ctx, 'garderie-matin-gratuite')).toEqual([...schoolDays, ...nextWeek]);
		expect(await bookedDays(ctx, 'garderie-matin-payante')).toEqual([]);
		expect(await rowCounts(ctx)).toEqual({ reservations: 16, history: 16, ledger: 16, applied: 2 });
		expect(await balance(ctx)).toBe(-8 * 350);
	});

	it('"une semaine sur deux" counts weeks from the week of the first day', async () => {
		const { ctx, client, timId } = await dupins();
		// Thursday 3/12 is in week 0 (from Monday 30/11); week 1 is skipped; week 2 starts on 14/12.
		const summary = await saisie(client, {
			personIds: [timId],
			action: 'creer',
			from: '2026-12-03',
			to: '2026-12-18',
			activityCodes: ['restauration-midi'],
			periodicity: 'une-semaine-sur-deux',
			weekdays: [0, 1, 3, 4]
		});
		expect(summary).toEqual({ booked: 6, cancelled: 0, skipped: [] });
		expect(await bookedDays(ctx, 'restauration-midi')).toEqual([
			'2026-12-03',
			'2026-12-04',
			'2026-12-14',
			'2026-12-15',
			'2026-12-17',
			'2026-12-18'
		]);
	});

	it('"supprimer" over the same period cancels every booking and credits each debit back', async () => {
		const { ctx, client, timId } = await dupins();
		const period = { personIds: [timId], from: '2026-11-30', to: '2026-12-11', activityCodes: TWO_WEEKS };
		const options: Pick<BulkPayload, 'periodicity' | 'weekdays'> = { periodicity: 'aucune', weekdays: [] };
		expect(await saisie(client, { ...period, ...options, action: 'creer' })).toMatchObject({ booked: 16 });

		ctx.clock.set('2026-11-29T08:00:00Z'); // Sunday 09:00: Monday's canteen is still open
		const summary = await saisie(client, { ...period, ...options, action: 'supprimer' });
		expect(summary.booked).toBe(0);
		expect(summary.cancelled).toBe(16);
		// Nothing to cancel elsewhere: closed days say "fermé", as when booking; open ones "pas de réservation".
		expect(summary.skipped).toHaveLength(12 * 4 - 16);
		expect(new Set(summary.skipped.map((s) => s.code))).toEqual(new Set(['ferme', 'non-reserve']));
		expect(await rowCounts(ctx)).toMatchObject({ reservations: 0, history: 32, ledger: 32 });
		const credits = await ctx.db
			.selectFrom('ledger_entry')
			.select(['value_date', 'credit_cents', 'activity_code'])
			.where('kind', '=', 'annulation')
			.where('activity_code', '=', 'restauration-midi')
			.orderBy('value_date')
			.execute();
		expect(credits).toHaveLength(8);
		expect(credits.every((c) => c.credit_cents === 350)).toBe(true);
		expect(await balance(ctx)).toBe(0);
	});

	it('"supprimer" keeps, and bills, the days whose deadline has passed', async () => {
		const { ctx, client, timId } = await dupins();
		const payload: Omit<BulkPayload, 'action'> = {
			personIds: [timId],
			from: '2026-11-30',
			to: '2026-12-11',
			activityCodes: ['restauration-midi', 'garderie-matin-gratuite'],
			periodicity: 'hebdomadaire',
			weekdays: [0, 1, 3, 4]
		};
		await saisie(client, { ...payload, action: 'creer' });
		// Thursday 3/12 13:00 in Paris: Friday's canteen closed at 10:00, Friday's garderie is open until 18:00.
		ctx.clock.set('2026-12-03T12:00:00Z');
		const summary = await saisie(client, { ...payload, action: 'supprimer' });
		expect(summary.cancelled).toBe(9);
		expect(summary.skipped.map((s) => `${s.date} ${s.activityCode} ${s.code}`)).toEqual([
			'2026-11-30 restauration-midi delai-depasse',
			'2026-11-30 garderie-matin-gratuite delai-depasse',
			'2026-12-01 restauration-midi delai-depasse',
			'2026-12-01 garderie-matin-gratuite delai-depasse',
			'2026-12-03 restauration-midi delai-depasse',
			'2026-12-03 garderie-matin-gratuite delai-depasse',
			'2026-12-04 restauration-midi delai-depasse'
		]);
		expect(await bookedDays(ctx, 'restauration-midi')).toEqual([
			'2026-11-30',
			'2026-12-01',
			'2026-12-03',
			'2026-12-04'
		]);
		expect(await balance(ctx)).toBe(-4 * 350);
	});

	it('books a whole school year for two children × 3 activities in one mutation', async () => {
		// In the summer, before the school year starts: every day of it can still be booked.
		const { ctx, client, timId } = await dupins('2026-08-20T09:00:00Z');
		const zoeId = await addZoe(ctx, ['restauration-scolaire']);
		const calendar = await loadCalendar(ctx.db);
		const from = '2026-09-01';
		const to = '2027-07-02';
		const schoolDays = daysBetween(from, to).filter((d) => dayKind(calendar, d).open === 'school');
		expect(schoolDays.length).toBe(139);

		const activityCodes = ['restauration-midi', 'garderie-matin-payante', 'garderie-soir-payante'];
		const payload: BulkPayload = {
			personIds: [timId, zoeId],
			action: 'creer',
			from,
			to,
			activityCodes,
			periodicity: 'hebdomadaire',
			weekdays: [0, 1, 3, 4]
		};
		const started = performance.now();
		const summary = await saisie(client, payload);
		const elapsed = performance.now() - started;
		// Tim: 3 activities every school day; Zoé: the canteen only, her garderies are "non inscrit".
		expect(summary.booked).toBe(schoolDays.length * 4);
		expect(countBy(summary.skipped, (s) => `${s.personId} ${s.code}`)).toMatchObject({
			[`${zoeId} non-inscrit`]: schoolDays.length * 2
		});
		expect(await rowCounts(ctx)).toMatchObject({
			reservations: schoolDays.length * 4,
			ledger: schoolDays.length * 4
		});
		expect(await balance(ctx)).toBe(-schoolDays.length * (350 + 110 + 110 + 350));
		expect(elapsed).toBeLessThan(10_000);
	});

	it('refuses a saisie groupée naming another household’s child, even over a period with no day', async () => {
		const { ctx, client, timId } = await dupins();
		const payload: BulkPayload = {
			personIds: [timId, 9999],
			action: 'creer',
			from: '2026-11-30',
			to: '2026-12-04',
			activityCodes: ['restauration-midi'],
			periodicity: 'aucune',
			weekdays: []
		};
		const noDay = { ...payload, to: '2026-12-01', weekdays: [3] }; // no Thursday from Monday to Tuesday
		for (const m of [bulk(payload), bulk(noDay)]) {
			expect(await pushOne(client, m)).toMatchObject({ status: 'rejected', code: 'introuvable' });
		}
		expect(await rowCounts(ctx)).toEqual({ reservations: 0, history: 0, ledger: 0, applied: 0 });
	});

	it('gives the last place of an activity to one child only, even when two are booked together', async () => {
		const { ctx, client, timId } = await dupins();
		const martin = await withMartinFamily(ctx, ['centre-de-loisirs']);
		await enrol(ctx, timId, 'centre-de-loisirs');
		const zoeId = await addZoe(ctx, ['centre-de-loisirs']);
		await ctx.db
			.updateTable('activity')
			.set({ capacity: 2 })
			.where('code', '=', 'centre-de-loisirs')
			.execute();
		await pushOne(martin.client, create(martin.leaId, 'centre-de-loisirs', '2026-12-02'));

		const summary = await saisie(client, {
			personIds: [timId, zoeId],
			action: 'creer',
			from: '2026-12-02',
			to: '2026-12-09',
			activityCodes: ['centre-de-loisirs'],
			periodicity: 'hebdomadaire',
			weekdays: [2]
		});
		// Wednesday 2/12: one place left, Tim takes it and Zoé finds it taken; on 9/12, both go.
		expect(summary.booked).toBe(3);
		expect(summary.skipped).toEqual([
			{
				personId: zoeId,
				date: '2026-12-02',
				activityCode: 'centre-de-loisirs',
				code: 'complet',
				reason: '« Centre de loisirs (journée) » est complet le 02/12.'
			}
		]);
		expect(await bookedDays(ctx, 'centre-de-loisirs')).toEqual([
			'2026-12-02',
			'2026-12-02',
			'2026-12-09',
			'2026-12-09'
		]);
		expect((await pull(client, '2026-12-01', '2026-12-31')).capacity).toEqual([
			{ activityCode: 'centre-de-loisirs', date: '2026-12-02', count: 2 },
			{ activityCode: 'centre-de-loisirs', date: '2026-12-09', count: 2 }
		]);
	});
});
