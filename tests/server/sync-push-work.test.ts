import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { changesOf, newPlanState, planChanges, summarize } from '../../src/lib/domain/agenda/planner.ts';
import {
	mutationSchema,
	type AgendaMutation,
	type BulkPayload,
	type PushResponse
} from '../../src/lib/domain/sync/protocol.ts';
import { dayChunks } from '../../src/lib/domain/sync/mutation-parts.ts';
import { applyPart } from '../../server/agenda/apply-part.ts';
import {
	bulkWeight,
	MAX_MUTATION_WEIGHT,
	MAX_PUSH_MUTATIONS,
	MAX_TRANSACTION_WEIGHT,
	PUSH_BUDGET
} from '../../src/lib/domain/sync/push-budget.ts';
import { loadActivities, loadAgendaPersons, loadCalendar } from '../../server/agenda/agenda-data.ts';
import { DATABASE_FILE } from '../../server/db/database.ts';
import { CLAIRE, registerCitizen } from './support/accounts.ts';
import { bulk, create, dupins, push, pushOne, pushRequest, rowCounts } from './support/agenda.ts';
import { json, TestClient } from './support/http-client.ts';

// The planner as it is, watched: a push naming persons of another household must never expand
// its periods into days.
vi.mock(import('../../src/lib/domain/agenda/planner.ts'), { spy: true });

const ACTIVITIES = [
	'restauration-midi',
	'garderie-matin-gratuite',
	'garderie-soir-gratuite',
	'garderie-soir-payante',
	'centre-de-loisirs'
];
/** Every day of 400 (Monday 30 November to Friday 3 January 2028) for five activities. */
const heaviest = (personIds: number[], action: BulkPayload['action'] = 'creer'): BulkPayload => ({
	personIds,
	action,
	from: '2026-11-30',
	to: '2028-01-03',
	activityCodes: ACTIVITIES.slice(0, MAX_MUTATION_WEIGHT / 400 / personIds.length),
	periodicity: 'aucune',
	weekdays: []
});

describe('the work of one push is bounded', () => {
	it('refuses, with its reason, a saisie groupée heavier than one mutation may be', async () => {
		const { ctx, client, timId } = await dupins();
		expect(bulkWeight(heaviest([timId]))).toBe(MAX_MUTATION_WEIGHT);
		const tooHeavy = bulk({ ...heaviest([timId]), to: '2028-01-04' }); // one day more
		expect(await pushOne(client, tooHeavy)).toEqual({
			id: tooHeavy.id,
			status: 'rejected',
			code: 'trop-volumineux',
			reason: expect.stringMatching(
				/^Trop de jours à la fois : 1 usager × 5 activités × 401 jours font 2.005/
			)
		});
		expect(await rowCounts(ctx)).toEqual({ reservations: 0, history: 0, ledger: 0, applied: 0 });
	});

	it('answers as many mutations as fit in its budget; the others, left unanswered, come next', async () => {
		const { ctx, client, timId } = await dupins();
		const perPush = PUSH_BUDGET / MAX_MUTATION_WEIGHT;
		const mutations = Array.from({ length: perPush + 2 }, (_, i) =>
			bulk(heaviest([timId], i % 2 === 0 ? 'creer' : 'supprimer'))
		);
		const first = await push(client, ...mutations);
		expect(first.status).toBe(200);
		expect(first.body.results.map((r) => r.id)).toEqual(mutations.slice(0, perPush).map((m) => m.id));
		expect(await rowCounts(ctx)).toMatchObject({ applied: perPush });
		// The next day (Paris): the household's budget of the day is spent (sync-day-budget.test.ts).
		ctx.clock.set('2026-11-28T23:30:00Z');
		const rest = await push(client, ...mutations.slice(perPush));
		expect(rest.body.results.map((r) => r.id)).toEqual(mutations.slice(perPush).map((m) => m.id));
		// Created, cancelled, created…: what the last one booked is what remains.
		const booked = (first.body.results[0] as { summary: { booked: number } }).summary.booked;
		expect(booked).toBeGreaterThan(300);
		expect(await rowCounts(ctx)).toMatchObject({ reservations: booked, applied: perPush + 2 });
	});

	it('refuses another household’s children before expanding anything', async () => {
		const { ctx, timId } = await dupins();
		// A household just registered, with no child, naming the DUPIN child in every mutation.
		const stranger = new TestClient(ctx.app, { ip: '192.0.2.30' });
		await registerCitizen(ctx, stranger, CLAIRE);
		vi.mocked(changesOf).mockClear();
		const mutations = Array.from({ length: MAX_PUSH_MUTATIONS }, () => bulk(heaviest([timId])));
		const { status, body } = await push(stranger, ...mutations);
		expect(status).toBe(200);
		expect(body.results).toHaveLength(PUSH_BUDGET / MAX_MUTATION_WEIGHT);
		expect(body.results.every((r) => r.status === 'rejected' && r.code === 'introuvable')).toBe(true);
		expect(changesOf).not.toHaveBeenCalled();
		expect(await rowCounts(ctx)).toEqual({ reservations: 0, history: 0, ledger: 0, applied: 0 });
	});

	it('lets the event loop turn between two unreadable mutations too', async () => {
		const { client } = await dupins();
		// Unreadable shapes: nothing to apply, but each costs its reading (its errors are built).
		const junk = Array.from({ length: 200 }, (_, i) => ({ id: `x-${i}`, kind: 'inconnu', payload: { i } }));
		let turns = 0;
		let pushing = true;
		const watch = () => {
			if (!pushing) return;
			turns++;
			setImmediate(watch);
		};
		setImmediate(watch);
		const { body } = await push(client, ...junk);
		pushing = false;
		expect(body.results.every((r) => r.status === 'rejected' && r.code === 'illisible')).toBe(true);
		expect(turns).toBeGreaterThan(junk.length / 2);
	});

	it('lets the event loop turn between two mutations, so other requests are answered meanwhile', async () => {
		const { ctx, client, timId } = await dupins();
		const days = ['03', '04', '07', '08', '10', '11', '14', '15', '17', '18'].map((d) => `2026-12-${d}`);
		const mutations = days.flatMap((d) => [
			create(timId, 'restauration-midi', d),
			create(timId, 'garderie-soir-gratuite', d)
		]);
		// Another connection, read synchronously at each turn of the loop: what the push has committed.
		const other = new SQLite(join(ctx.dataDir, DATABASE_FILE), { readonly: true });
		const seen: number[] = [];
		let pushing = true;
		const applied = other.prepare('SELECT count(*) AS n FROM applied_mutation').pluck();
		const watch = () => {
			if (!pushing) return;
			seen.push(applied.get() as number);
			setImmediate(watch);
		};
		setImmediate(watch);
		await push(client, ...mutations);
		pushing = false;
		other.close();
		const between = seen.filter((n) => n > 0 && n < mutations.length);
		expect(between.length).toBeGreaterThan(mutations.length / 2);
	});

	it('applies a saisie groupée heavier than one transaction in parts of whole days, others served in between', async () => {
		const { ctx, client, timId } = await dupins();
		const m = bulk(heaviest([timId]));
		// What the planner decides for the whole list at once, from the same state (nothing booked).
		const persons = await loadAgendaPersons(ctx.db, 1);
		const whole = planChanges(
			newPlanState(
				{
					activities: await loadActivities(ctx.db),
					calendar: await loadCalendar(ctx.db),
					now: ctx.clock.now()
				},
				persons,
				[],
				[]
			),
			changesOf(m as Parameters<typeof changesOf>[0])
		);
		const other = new SQLite(join(ctx.dataDir, DATABASE_FILE), { readonly: true });
		const booked = other.prepare('SELECT count(*) FROM reservation').pluck();
		const seen: number[] = [];
		let pushing = true;
		const watch = () => {
			if (!pushing) return;
			seen.push(booked.get() as number);
			setImmediate(watch);
		};
		setImmediate(watch);
		const result = await pushOne(client, m);
		pushing = false;
		other.close();
		expect(result).toEqual({ id: m.id, status: 'applied', summary: summarize(whole) });
		// Four parts of 100 days (500 changes); the bookings fall in the first three (the school year
		// ends on 2 July): the watcher saw the first two done and not the rest.
		expect(MAX_MUTATION_WEIGHT / MAX_TRANSACTION_WEIGHT).toBe(4);
		expect(new Set(seen.filter((n) => n > 0 && n < whole.accepted.length)).size).toBe(2);
		expect(await rowCounts(ctx)).toEqual({
			reservations: whole.accepted.length,
			history: whole.accepted.length,
			ledger: whole.accepted.length,
			applied: 1
		});
	});

	it('applies each part once when two requests carry the same saisie groupée, and answers both alike', async () => {
		const { ctx, client, timId } = await dupins();
		const m = bulk(heaviest([timId]));
		const [a, b] = await Promise.all([pushRequest(client, [m]), pushRequest(client, [m])]);
		const [first, second] = [await json<PushResponse>(a), await json<PushResponse>(b)];
		expect(second.results).toEqual(first.results);
		const summary = first.results[0]?.status === 'applied' ? first.results[0].summary : undefined;
		expect(summary?.booked).toBeGreaterThan(300);
		expect(await rowCounts(ctx)).toEqual({
			reservations: summary?.booked,
			history: summary?.booked,
			ledger: summary?.booked,
			applied: 1
		});
		// The same id with another payload, even half applied, is not the same change.
		const reused = { ...bulk({ ...heaviest([timId]), action: 'supprimer' }), id: m.id };
		expect(await pushOne(client, reused)).toEqual(first.results[0]);
	});

	it('goes on from the last part applied after an interruption, and refuses another change under its id', async () => {
		const uninterrupted = await dupins();
		const m = bulk(heaviest([uninterrupted.timId]));
		const expected = await pushOne(uninterrupted.client, m);

		const { ctx, client } = await dupins();
		const account = await ctx.db
			.selectFrom('account')
			.select(['id', 'username', 'role', 'person_id as personId', 'household_id as householdId', 'email'])
			.executeTakeFirstOrThrow();
		const ref = {
			activities: await loadActivities(ctx.db),
			calendar: await loadCalendar(ctx.db),
			author: 'DUPIN Pascal'
		};
		const mutation = mutationSchema.parse(m) as AgendaMutation;
		const changes = changesOf(mutation);
		const work = () => ({ changes, parts: dayChunks(changes, MAX_TRANSACTION_WEIGHT) });
		// The first part applied, then the server stopped before the next one.
		expect(await applyPart(ctx, account, ref, mutation, work)).toBeNull();
		const afterFirst = await rowCounts(ctx);
		expect(afterFirst.reservations).toBeGreaterThan(0);

		const other = { ...bulk({ ...heaviest([uninterrupted.timId]), action: 'supprimer' }), id: m.id };
		expect(await pushOne(client, other)).toMatchObject({ status: 'rejected', code: 'conflit' });
		expect(await rowCounts(ctx)).toEqual(afterFirst);

		expect(await pushOne(client, m)).toEqual(expected);
		expect(await rowCounts(ctx)).toEqual(await rowCounts(uninterrupted.ctx));
	});
});
