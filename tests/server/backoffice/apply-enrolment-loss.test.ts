import { describe, expect, it } from 'vitest';
import { setEnrolments } from '../../../server/agenda/set-enrolments.ts';
import { accept, ficheForChild, personNamed, sentDemande } from '../support/apply.ts';
import { bulk, dupins, pull, pushOne, rowCounts, withMartinFamily } from '../support/agenda.ts';
import { signInAgent } from '../support/agents.ts';
import { TestClient } from '../support/http-client.ts';
import type { TestCtx } from '../support/test-app.ts';

const CANTEEN = 'restauration-midi';
const GARDERIE = 'garderie-soir-payante';

/** Tim's canteen and evening garderie booked on the school days of 1–18 December. */
async function timBooksDecember(client: TestClient, timId: number) {
	const result = await pushOne(
		client,
		bulk({
			personIds: [timId],
			action: 'creer',
			from: '2026-12-01',
			to: '2026-12-18',
			activityCodes: [CANTEEN, GARDERIE],
			periodicity: 'hebdomadaire',
			weekdays: [0, 1, 3, 4]
		})
	);
	expect(result.status).toBe('applied');
}

async function bookedDays(ctx: TestCtx, personId: number, activityCode: string) {
	const rows = await ctx.db
		.selectFrom('reservation')
		.select('service_date')
		.where('person_id', '=', personId)
		.where('activity_code', '=', activityCode)
		.orderBy('service_date')
		.execute();
	return rows.map((r) => r.service_date);
}

describe('Losing an enrolment', () => {
	it('a later fiche without the canteen cancels and refunds its bookings after today, keeps the rest, and tells the family', async () => {
		const { ctx, client, timId } = await dupins();
		const agent = await signInAgent(ctx, new TestClient(ctx.app));
		await timBooksDecember(client, timId);
		const garderieBefore = await bookedDays(ctx, timId, GARDERIE);
		// Tuesday 8 December, 10:00 in Paris: the 8th is today, kept with the days before.
		ctx.clock.set('2026-12-08T09:00:00Z');
		const pascal = await personNamed(ctx, 'Pascal');
		const demande = await sentDemande(
			ctx,
			'fiche-enfant',
			ficheForChild(pascal.id, { personId: timId, label: 'DUPIN Tim' }, ['garderie']),
			9101
		);

		const applied = await accept(ctx, demande, agent.accountId);

		expect(applied.changes).toContain('Désinscrit de : Restauration scolaire');
		expect(applied.changes).toContain('Réservations à venir annulées et remboursées : 6');
		expect(await bookedDays(ctx, timId, CANTEEN)).toEqual([
			'2026-12-01',
			'2026-12-03',
			'2026-12-04',
			'2026-12-07',
			'2026-12-08'
		]);
		expect(await bookedDays(ctx, timId, GARDERIE)).toEqual(garderieBefore);

		const cancelledDays = [
			'2026-12-10',
			'2026-12-11',
			'2026-12-14',
			'2026-12-15',
			'2026-12-17',
			'2026-12-18'
		];
		const ledger = await ctx.db
			.selectFrom('ledger_entry')
			.select(['value_date', 'kind', 'debit_cents', 'credit_cents'])
			.where('person_id', '=', timId)
			.where('activity_code', '=', CANTEEN)
			.orderBy('id')
			.execute();
		const credits = ledger.filter((l) => l.kind === 'annulation');
		expect(credits.map((l) => l.value_date)).toEqual(cancelledDays);
		// Each cancelled day's debit given back exactly: those days weigh nothing on the account.
		for (const day of cancelledDays) {
			const lines = ledger.filter((l) => l.value_date === day);
			expect(lines.reduce((n, l) => n + l.debit_cents - l.credit_cents, 0)).toBe(0);
		}
		const refunded = credits.reduce((n, l) => n + l.credit_cents, 0);
		expect(refunded).toBeGreaterThan(0);

		const history = await ctx.db
			.selectFrom('reservation_history')
			.select(['service_date', 'author'])
			.where('person_id', '=', timId)
			.where('activity_code', '=', CANTEEN)
			.where('action', '=', '-')
			.orderBy('service_date')
			.execute();
		expect(history).toEqual(cancelledDays.map((d) => ({ service_date: d, author: 'Mairie' })));

		const message = await ctx.db
			.selectFrom('message')
			.innerJoin('message_thread', 'message_thread.id', 'message.thread_id')
			.select(['message.subject', 'message.body', 'message_thread.demande_id', 'message.author'])
			.where('message.household_id', '=', demande.householdId)
			.executeTakeFirstOrThrow();
		expect(message).toMatchObject({ subject: 'Information', demande_id: demande.id, author: 'mairie' });
		expect(message.body).toContain('Tim DUPIN');
		expect(message.body).toContain(
			`Restauration scolaire : 6 jours réservés annulés et remboursés (${(refunded / 100).toFixed(2).replace('.', ',')} €)`
		);

		// The family's devices see it: Tim keeps only the garderie, his canteen from the 10th gone.
		const snapshot = await pull(client, '2026-12-01', '2026-12-31');
		expect(snapshot.persons).toContainEqual(expect.objectContaining({ id: timId, sessions: ['garderie'] }));
	});

	it('cancels nothing and tells nobody when no session is lost', async () => {
		const { ctx, client, timId } = await dupins();
		const agent = await signInAgent(ctx, new TestClient(ctx.app));
		await timBooksDecember(client, timId);
		const before = await rowCounts(ctx);
		const { household_id: householdId } = await personNamedIn(ctx, timId);
		const result = await ctx.db.transaction().execute((trx) =>
			setEnrolments(trx, ctx.clock.now(), {
				householdId,
				personId: timId,
				sessions: ['restauration-scolaire', 'garderie'],
				agentAccountId: agent.accountId
			})
		);
		expect(result.changes).toEqual([]);
		expect(await rowCounts(ctx)).toEqual(before);
		expect(await ctx.db.selectFrom('message').select('id').execute()).toEqual([]);
	});

	it('refuses another household’s child (404) and an unknown session (400), writing nothing', async () => {
		const { ctx, client, timId } = await dupins();
		const agent = await signInAgent(ctx, new TestClient(ctx.app));
		await timBooksDecember(client, timId);
		const martin = await withMartinFamily(ctx);
		const before = await rowCounts(ctx);
		const edit = (personId: number, sessions: string[]) =>
			ctx.db.transaction().execute((trx) =>
				setEnrolments(trx, ctx.clock.now(), {
					householdId: martin.householdId,
					personId,
					sessions,
					agentAccountId: agent.accountId
				})
			);
		await expect(edit(timId, [])).rejects.toMatchObject({ status: 404 });
		await expect(edit(martin.leaId, ['piscine'])).rejects.toMatchObject({
			status: 400,
			code: 'invalid_session'
		});
		expect(await rowCounts(ctx)).toEqual(before);
		expect(await bookedDays(ctx, timId, CANTEEN)).toHaveLength(11);
	});
});

async function personNamedIn(ctx: TestCtx, personId: number) {
	return ctx.db
		.selectFrom('person')
		.select('household_id')
		.where('id', '=', personId)
		.executeTakeFirstOrThrow();
}
