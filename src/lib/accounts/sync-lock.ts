import { dropEarly } from '../api/early-answers.ts';

/** The lock the sync engine takes to push (src/lib/offline/sync-engine.ts): one name for both. */
const SYNC_LOCK = 'portail-sync';

/**
 * Runs `work` while no tab of this browser is pushing its outbox: the engine skips a round when the
 * lock is taken, and a push already running is waited for. Signing in or out under it means no
 * waiting change is sent between the session changing and the device being wiped. If the lock is
 * not free within `waitMs` (a push stuck on a silent network), `work` runs anyway. What was asked
 * as the app started (early-answers.ts) was the old session's: it is dropped.
 */
export async function withoutSync<T>(work: () => Promise<T>, waitMs = 10_000): Promise<T> {
	dropEarly();
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	if (!locks) return work();
	let started = false;
	try {
		return await locks.request(SYNC_LOCK, { signal: AbortSignal.timeout(waitMs) }, () => {
			started = true;
			return work();
		});
	} catch (error) {
		if (!started) return work();
		throw error;
	}
}
