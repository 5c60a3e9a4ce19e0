import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import type { WriteWatch } from '../db/write-watch.ts';
import { LruMap } from '../lru-map.ts';
import { IDLE_MS, type CurrentAccount, type Session } from './sessions.ts';
import { hashToken } from './tokens.ts';

export type SignedIn = { session: Session; account: CurrentAccount };

/** Sessions checked since the last write are kept, least recently used dropped beyond this. */
const KEPT_SESSIONS = 10_000;

/**
 * Checks session tokens: the live session of a token with its account, renewed when half its idle
 * time is gone (Lucia's design). Every API call goes through here, so a session checked against
 * the database is kept in memory and trusted again without a query, for as long as nothing at all
 * has been written since (`writes`): a sign-out, a password reset, any change moves it.
 * Kept by token, as the browser presents it: hashing costs a cached read a tenth of its time, and
 * the tokens are in this process's memory anyway, in every request (the database holds hashes).
 */
export function sessionValidator(db: Db, writes: WriteWatch, clock: Clock) {
	const find = preparedQuery(
		db,
		(id: string) =>
			db
				.selectFrom('session')
				.innerJoin('account', 'account.id', 'session.account_id')
				.select([
					'session.expires_at',
					'session.absolute_expires_at',
					'account.id',
					'account.username',
					'account.role',
					'account.person_id',
					'account.household_id',
					'account.email'
				])
				.where('session.id', '=', id),
		['']
	);
	const kept = new LruMap<string, { signedIn: SignedIn; generation: number }>(KEPT_SESSIONS);

	async function check(token: string, now: number): Promise<SignedIn | null> {
		const id = hashToken(token);
		const [row] = await find(id);
		if (!row) return null;
		const expiresAt = new Date(row.expires_at);
		const absoluteExpiresAt = new Date(row.absolute_expires_at);
		if (now >= expiresAt.getTime() || now >= absoluteExpiresAt.getTime()) {
			await db.deleteFrom('session').where('id', '=', id).execute();
			return null;
		}
		const session: Session = { id, accountId: row.id, expiresAt, absoluteExpiresAt };
		if (now >= expiresAt.getTime() - IDLE_MS / 2) {
			session.expiresAt = new Date(Math.min(now + IDLE_MS, absoluteExpiresAt.getTime()));
			await db
				.updateTable('session')
				.set({ expires_at: session.expiresAt.toISOString() })
				.where('id', '=', id)
				.execute();
		}
		const account: CurrentAccount = {
			id: row.id,
			username: row.username,
			role: row.role,
			personId: row.person_id,
			householdId: row.household_id,
			email: row.email
		};
		return { session, account };
	}

	return {
		/** The session of `token` when it can be trusted from memory: checked, nothing written since. */
		remembered(token: string): SignedIn | undefined {
			const known = kept.get(token);
			if (!known) return undefined;
			const now = clock.now().getTime();
			// Not once a renewal (a write) is due, nor past any expiry.
			if (
				known.generation !== writes.generation() ||
				now >= known.signedIn.session.expiresAt.getTime() - IDLE_MS / 2 ||
				now >= known.signedIn.session.absoluteExpiresAt.getTime()
			)
				return undefined;
			return known.signedIn;
		},

		/** The session of `token` read from the database (and kept), or null. */
		async validate(token: string): Promise<SignedIn | null> {
			// The generation read before the query: a write landing meanwhile makes the next call check again.
			const generation = writes.generation();
			const signedIn = await check(token, clock.now().getTime());
			if (signedIn) kept.set(token, { signedIn, generation });
			else kept.delete(token);
			return signedIn;
		}
	};
}
