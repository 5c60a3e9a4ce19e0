import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import type { WriteWatch } from '../db/write-watch.ts';
import { SESSION_TABLES, sessionCache, type SignedIn } from '../read-cache/session-cache.ts';
import { IDLE_MS, type CurrentAccount, type Session } from './sessions.ts';
import { hashToken } from './tokens.ts';

export type { SignedIn };

/** A session is renewed (a write) once half its idle time is gone. */
const renewAfter = (session: Session) => session.expiresAt.getTime() - IDLE_MS / 2;

/**
 * Checks session tokens: the live session of a token with its account, renewed when half its idle
 * time is gone (Lucia's design). Every API call goes through here, so what the database said is
 * kept in memory (read-cache/session-cache.ts) until its tables are written.
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
				.where('session.id', '=', id)
				// A disabled account has no session, even one created while it was being disabled
				// (a sign-in checks disabled_at before its password's long hash, then writes the session).
				.where('account.disabled_at', 'is', null),
		['']
	);
	const watched = writes.watch(SESSION_TABLES);
	const kept = sessionCache(watched, clock, renewAfter);

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
		if (now >= renewAfter(session)) {
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
		remembered: (token: string): SignedIn | undefined => kept.remembered(token),

		/** The session of `token` read from the database (and kept), or null. */
		async validate(token: string): Promise<SignedIn | null> {
			// The generation read before the query: a write landing meanwhile makes the next call check again.
			const generation = watched.generation();
			const signedIn = await check(token, clock.now().getTime());
			kept.keep(token, signedIn, generation);
			return signedIn;
		}
	};
}
