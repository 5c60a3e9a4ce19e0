import type { CurrentAccount, Session } from '../accounts/sessions.ts';
import type { Clock } from '../clock.ts';
import type { Watched } from '../db/write-watch.ts';
import { LruMap } from './lru-map.ts';

export type SignedIn = { session: Session; account: CurrentAccount };

/**
 * Sessions checked since the last write of their tables are kept, least recently used dropped
 * beyond this: two devices for each of the town's 5,000 households. An entry (its token, session
 * and account) takes about 0.7 KB of heap (measured on 10,000): at most 7 MiB, reached only as
 * that many sessions are used.
 */
export const KEPT_SESSIONS = 10_000;

/**
 * The tables a kept session is read from: a sign-out, a password reset, an account disabled, any
 * session created or renewed moves them; a failed sign-in, a captcha, a booking do not.
 */
export const SESSION_TABLES = ['session', 'account'];

/**
 * Sessions checked against the database, kept in memory and trusted again without a query for as
 * long as nothing of SESSION_TABLES has been written since (`watched`). Every API call asks here first.
 * Kept by token, as the browser presents it: hashing costs a cached read a tenth of its time, and
 * the tokens are in this process's memory anyway, in every request (the database holds hashes).
 * `renewAfter` is when a session needs its renewal (a write): from then on it is not trusted from
 * memory, so the validator renews it.
 */
export function sessionCache(watched: Watched, clock: Clock, renewAfter: (session: Session) => number) {
	const kept = new LruMap<string, { signedIn: SignedIn; generation: number }>(KEPT_SESSIONS);
	return {
		/** The session of `token` when it can be trusted from memory: checked, nothing written since. */
		remembered(token: string): SignedIn | undefined {
			const known = kept.get(token);
			if (!known) return undefined;
			const now = clock.now().getTime();
			const { session } = known.signedIn;
			if (
				known.generation !== watched.generation() ||
				now >= renewAfter(session) ||
				now >= session.absoluteExpiresAt.getTime()
			)
				return undefined;
			return known.signedIn;
		},

		/** Keeps what the database said of `token` at `generation` (read before the query), or forgets it. */
		keep(token: string, signedIn: SignedIn | null, generation: number): void {
			if (signedIn) kept.set(token, { signedIn, generation });
			else kept.delete(token);
		}
	};
}
