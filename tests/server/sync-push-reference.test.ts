import { describe, expect, it, vi } from 'vitest';
import * as agendaData from '../../server/agenda/agenda-data.ts';
import type { AppDeps } from '../../server/deps.ts';
import { pushMutations } from '../../server/sync/push-service.ts';
import { create, dupins, mutation } from './support/agenda.ts';
import type { TestCtx } from './support/test-app.ts';

// The agenda's reference data (activities, calendar) counted as the push reads it.
vi.mock('../../server/agenda/agenda-data.ts', async (original) => {
	const actual = await original<typeof import('../../server/agenda/agenda-data.ts')>();
	return { ...actual, loadActivities: vi.fn(actual.loadActivities) };
});

const depsOf = (ctx: TestCtx) => ({ ...ctx, writes: undefined, mailer: undefined }) as unknown as AppDeps;
const accountOf = (ctx: TestCtx) =>
	ctx.db
		.selectFrom('account')
		.select(['id', 'username', 'role', 'person_id as personId', 'household_id as householdId', 'email'])
		.executeTakeFirstOrThrow();

describe("the agenda's reference data in a push", () => {
	it('is read once per push carrying bookings, and not at all by a push without any', async () => {
		const { ctx, timId } = await dupins();
		const account = await accountOf(ctx);
		const loads = vi.mocked(agendaData.loadActivities);
		loads.mockClear();
		const days = ['2026-12-03', '2026-12-04', '2026-12-07'];
		const { results } = await pushMutations(
			depsOf(ctx),
			account,
			days.map((day) => create(timId, 'restauration-midi', day))
		);
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
		expect(loads).toHaveBeenCalledTimes(1);

		loads.mockClear();
		await pushMutations(depsOf(ctx), account, [
			mutation('demande.delete.v1', { demandeId: crypto.randomUUID() })
		]);
		expect(loads).not.toHaveBeenCalled();
	});
});
