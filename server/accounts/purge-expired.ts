import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { captchaNow } from './captcha.ts';
import { LONGEST_WINDOW_MS } from './throttle-budgets.ts';

/** Rows deleted per statement: a step takes a millisecond or so, then the event loop gets its turn. */
export const STEP_ROWS = 500;
/** How often the purge runs after the one at start. */
export const PURGE_EVERY_MS = 10 * 60 * 1000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One kind of dead row, found by the expiry indexes of migration 0005. Sessions: `expires_at`
 * never passes `absolute_expires_at` (a renewal is capped by it), so it alone says a session is dead.
 */
function steps(db: Db, now: Date, stepRows: number) {
	const at = now.toISOString();
	const oldestCounted = new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString();
	return [
		() =>
			db
				.deleteFrom('session')
				.where(
					'id',
					'in',
					db.selectFrom('session').select('id').where('expires_at', '<=', at).limit(stepRows)
				),
		() =>
			db
				.deleteFrom('account_token')
				.where(
					'token_hash',
					'in',
					db.selectFrom('account_token').select('token_hash').where('expires_at', '<=', at).limit(stepRows)
				),
		() =>
			db
				.deleteFrom('account_request')
				.where(
					'id',
					'in',
					db.selectFrom('account_request').select('id').where('expires_at', '<=', at).limit(stepRows)
				),
		() =>
			db
				.deleteFrom('auth_failure')
				.where(
					'id',
					'in',
					db.selectFrom('auth_failure').select('id').where('at', '<', oldestCounted).limit(stepRows)
				),
		() =>
			db
				.deleteFrom('captcha_spent')
				.where(
					'signature',
					'in',
					db
						.selectFrom('captcha_spent')
						.select('signature')
						.where('expires_at', '<', captchaNow().toISOString())
						.limit(stepRows)
				)
	];
}

/**
 * Deletes what can never be used again: expired sessions, links and pending registrations,
 * sign-in attempts older than any window, spent captchas past their expiry. Anyone can make
 * these rows without an account, so they are purged regularly, in steps of `stepRows` with a
 * turn of the event loop between them: requests keep being answered during a big purge.
 */
export async function purgeExpired(db: Db, clock: Clock, stepRows = STEP_ROWS): Promise<number> {
	let deleted = 0;
	for (const step of steps(db, clock.now(), stepRows)) {
		for (;;) {
			const result = await step().executeTakeFirst();
			const rows = Number(result.numDeletedRows);
			deleted += rows;
			await nextTurn();
			if (rows < stepRows) break;
		}
	}
	return deleted;
}

/**
 * Purges at once, then every `everyMs` on a timer that does not keep the process alive; `stop`
 * (at shutdown) ends the timer and waits for a purge under way, before the database closes.
 */
export function startPurging(db: Db, clock: Clock, everyMs = PURGE_EVERY_MS) {
	let running: Promise<unknown> = Promise.resolve();
	const run = () => {
		running = running
			.then(() => purgeExpired(db, clock))
			.catch((err: unknown) => console.error('[base] échec de la purge des données expirées', err));
	};
	run();
	const timer = setInterval(run, everyMs);
	timer.unref();
	return {
		async stop(): Promise<void> {
			clearInterval(timer);
			await running;
		}
	};
}
