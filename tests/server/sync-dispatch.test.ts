import { describe, expect, it } from 'vitest';
import type { DemandeSavePayload } from '../../src/lib/domain/requests/mutations.ts';
import type { MutationResult } from '../../src/lib/domain/sync/protocol.ts';
import { agendaMutations } from '../../server/agenda/agenda-mutations.ts';
import { applyOnce } from '../../server/sync/apply-once.ts';
import { listed, type MutationHandler } from '../../server/sync/mutation-handler.ts';
import { handlersByKind } from '../../server/sync/mutation-handlers.ts';
import { pushMutations } from '../../server/sync/push-service.ts';
import {
	create,
	dupins,
	FRENCH_SENTENCE,
	mutation,
	pushOne,
	rowCounts,
	withMartinFamily
} from './support/agenda.ts';
import type { TestCtx } from './support/test-app.ts';
import type { AppDeps } from '../../server/deps.ts';

const CANTEEN = 'restauration-midi';

/** What the handlers here read of the app's dependencies: its database and clock. */
const depsOf = (ctx: TestCtx) => ({ ...ctx, writes: undefined, mailer: undefined }) as unknown as AppDeps;

const save = (id?: string): ReturnType<typeof mutation> =>
	mutation(
		'demande.save.v1',
		{
			demandeId: '4f0c2a52-5a4e-4c55-9a53-0c1b5d1e7a01',
			formCode: 'contact-mairie',
			writerId: '1d8f3a6e-7b0c-4f2e-8a51-2b3c4d5e6f70',
			baseRevision: 0,
			step: 0,
			data: { message: { objet: 'Cantine' } },
			savedAt: '2026-11-28T08:55:00.000Z'
		} satisfies DemandeSavePayload,
		id
	);

async function accountOf(ctx: TestCtx, username?: string) {
	let query = ctx.db
		.selectFrom('account')
		.select(['id', 'username', 'role', 'person_id as personId', 'household_id as householdId', 'email']);
	if (username) query = query.where('username', '=', username);
	return query.executeTakeFirstOrThrow();
}

/** A requests handler as the requests module will write one: applied once, with applyOnce. */
function countingRequests(calls: string[], keep?: boolean): MutationHandler<'demande.save.v1'> {
	return {
		kinds: ['demande.save.v1'],
		apply: (deps, account, m) =>
			applyOnce(deps, account, m, async (_trx, now) => {
				calls.push(`${m.id}@${now.toISOString()}`);
				const result: MutationResult = {
					id: m.id,
					status: 'applied',
					demande: { number: calls.length, revision: 1, status: 'brouillon' }
				};
				return keep === undefined ? { result } : { result, keep };
			})
	};
}

describe('push dispatches each mutation to the handler of its kind', () => {
	it('applies them in order, each by its own domain', async () => {
		const { ctx, timId } = await dupins();
		const account = await accountOf(ctx);
		const calls: string[] = [];
		const handlers = handlersByKind([listed(agendaMutations), listed(countingRequests(calls))]);
		const a = create(timId, CANTEEN, '2026-12-03');
		const s = save();
		const b = create(timId, CANTEEN, '2026-12-04');
		const { results } = await pushMutations(depsOf(ctx), account, [a, s, b], handlers);
		expect(results).toEqual([
			{ id: a.id, status: 'applied' },
			{ id: s.id, status: 'applied', demande: { number: 1, revision: 1, status: 'brouillon' } },
			{ id: b.id, status: 'applied' }
		]);
		expect(calls).toEqual([`${s.id}@2026-11-28T09:00:00.000Z`]);
		expect((await rowCounts(ctx)).reservations).toBe(2);
	});

	it('answers a kind no handler owns as rejected, with a French reason, and writes nothing', async () => {
		const { ctx } = await dupins();
		const account = await accountOf(ctx);
		const s = save();
		const { results } = await pushMutations(
			depsOf(ctx),
			account,
			[s],
			handlersByKind([listed(agendaMutations)])
		);
		expect(results).toEqual([
			{
				id: s.id,
				status: 'rejected',
				code: 'non-pris-en-charge',
				reason: expect.stringMatching(FRENCH_SENTENCE)
			}
		]);
		expect(await rowCounts(ctx)).toMatchObject({ applied: 0 });
	});

	it('refuses a kind claimed by two handlers at once', () => {
		expect(() => handlersByKind([listed(agendaMutations), listed(agendaMutations)])).toThrow(/two handlers/);
	});

	it('loads what a push shares once, for the handlers that ask', async () => {
		const { ctx } = await dupins();
		const account = await accountOf(ctx);
		let loads = 0;
		const sharing: MutationHandler<'demande.save.v1'> = {
			kinds: ['demande.save.v1'],
			apply: async (_deps, _account, m, push) => {
				const n = await push.once('reference', async () => ++loads);
				return { id: m.id, status: 'rejected', code: 'test', reason: `Référence ${n}.` };
			}
		};
		const handlers = handlersByKind([listed(sharing)]);
		await pushMutations(depsOf(ctx), account, [save(), save(), save()], handlers);
		expect(loads).toBe(1);
		await pushMutations(depsOf(ctx), account, [save()], handlers);
		expect(loads).toBe(2); // once per push, not once per process
	});
});

describe('applyOnce', () => {
	it('answers a replay with the stored answer and does not run the work again', async () => {
		const { ctx } = await dupins();
		const account = await accountOf(ctx);
		const calls: string[] = [];
		const handlers = handlersByKind([listed(countingRequests(calls))]);
		const s = save();
		const first = await pushMutations(depsOf(ctx), account, [s], handlers);
		ctx.clock.set('2026-11-28T10:00:00Z');
		const again = await pushMutations(depsOf(ctx), account, [s, s], handlers);
		expect(again.results).toEqual([first.results[0], first.results[0]]);
		expect(calls).toHaveLength(1);
	});

	it('decides again a mutation whose answer was not to be kept', async () => {
		const { ctx } = await dupins();
		const account = await accountOf(ctx);
		const calls: string[] = [];
		const handlers = handlersByKind([listed(countingRequests(calls, false))]);
		const s = save();
		await pushMutations(depsOf(ctx), account, [s, s], handlers);
		expect(calls).toHaveLength(2);
		expect((await rowCounts(ctx)).applied).toBe(0);
	});

	it("refuses another household's id without running the work or showing its answer", async () => {
		const { ctx } = await dupins();
		const martin = await withMartinFamily(ctx);
		const pascal = await accountOf(ctx, 'pascal.dupin');
		const claire = await ctx.db
			.selectFrom('account')
			.select(['id', 'username', 'role', 'person_id as personId', 'household_id as householdId', 'email'])
			.where('household_id', '=', martin.householdId)
			.executeTakeFirstOrThrow();
		const calls: string[] = [];
		const handlers = handlersByKind([listed(countingRequests(calls))]);
		const s = save();
		await pushMutations(depsOf(ctx), pascal, [s], handlers);
		const { results } = await pushMutations(depsOf(ctx), claire, [s], handlers);
		expect(results).toEqual([
			{ id: s.id, status: 'rejected', code: 'conflit', reason: 'Identifiant de modification déjà utilisé.' }
		]);
		expect(calls).toHaveLength(1);
	});

	it("refuses an id this household used for another kind (a booking's)", async () => {
		const { ctx, client, timId } = await dupins();
		const account = await accountOf(ctx);
		const booking = create(timId, CANTEEN, '2026-12-03');
		expect(await pushOne(client, booking)).toEqual({ id: booking.id, status: 'applied' });
		const calls: string[] = [];
		const handlers = handlersByKind([listed(agendaMutations), listed(countingRequests(calls))]);
		const { results } = await pushMutations(depsOf(ctx), account, [save(booking.id)], handlers);
		expect(results[0]).toMatchObject({ status: 'rejected', code: 'conflit' });
		expect(calls).toEqual([]);
	});

	it("refuses a booking under an id this household used for a demande's change", async () => {
		const { ctx, timId } = await dupins();
		const account = await accountOf(ctx);
		const handlers = handlersByKind([listed(agendaMutations), listed(countingRequests([]))]);
		const s = save();
		await pushMutations(depsOf(ctx), account, [s], handlers);
		const booking = { ...create(timId, CANTEEN, '2026-12-03'), id: s.id };
		const { results } = await pushMutations(depsOf(ctx), account, [booking], handlers);
		expect(results[0]).toMatchObject({ status: 'rejected', code: 'conflit' });
		expect((await rowCounts(ctx)).reservations).toBe(0);
	});

	it('keeps nothing of a work that failed: its effect and its answer commit together', async () => {
		const { ctx } = await dupins();
		const account = await accountOf(ctx);
		const s = save();
		const failing = applyOnce(ctx, account, s as never, async (trx) => {
			await trx.updateTable('person').set({ prenom: 'Timothée' }).where('prenom', '=', 'Tim').execute();
			throw new Error('disque plein');
		});
		await expect(failing).rejects.toThrow('disque plein');
		const tim = await ctx.db.selectFrom('person').select('id').where('prenom', '=', 'Tim').executeTakeFirst();
		expect(tim).toBeDefined();
		expect((await rowCounts(ctx)).applied).toBe(0);
	});
});
