import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import type { WriteWatch } from '../db/write-watch.ts';
import { generateToken, hashToken } from './tokens.ts';

/**
 * Sessions as in Lucia's guide: a random token in the cookie, its SHA-256 as the row id.
 * - Idle expiry: 30 days without a visit ends the session; each visit in its second half renews it.
 * - Absolute expiry: 90 days after sign-in, whatever the activity, a new sign-in is needed.
 */
export const IDLE_MS = 30 * 24 * 3600 * 1000;
export const ABSOLUTE_MS = 90 * 24 * 3600 * 1000;

/** The signed-in account as routes see it, set by the session middleware. */
export type CurrentAccount = {
	id: number;
	username: string;
	role: 'citizen' | 'agent';
	personId: number;
	householdId: number;
	email: string;
};

export type Session = { id: string; accountId: number; expiresAt: Date; absoluteExpiresAt: Date };

export async function createSession(
	db: Db,
	clock: Clock,
	accountId: number
): Promise<{ token: string; session: Session }> {
	const token = generateToken();
	const now = clock.now();
	const session: Session = {
		id: hashToken(token),
		accountId,
		expiresAt: new Date(now.getTime() + IDLE_MS),
		absoluteExpiresAt: new Date(now.getTime() + ABSOLUTE_MS)
	};
	await db
		.insertInto('session')
		.values({
			id: session.id,
			account_id: accountId,
			created_at: now.toISOString(),
			expires_at: session.expiresAt.toISOString(),
			absolute_expires_at: session.absoluteExpiresAt.toISOString()
		})
		.execute();
	return { token, session };
}

export type SignedIn = { session: Session; account: CurrentAccount };

/** Sessions checked since the last write are kept, least recently used dropped beyond this. */
const KEPT_SESSIONS = 10_000;

/**
 * Checks session tokens: the live session of a token with its account, renewed when half its idle
 * time is gone; null when none. Every API call goes through here, so a session checked against
 * the database is kept in memory and trusted again without a query for as long as nothing at all
 * has been written since (`writes`): a sign-out, a password reset, any change moves it.
 */
export function sessionValidator(
	db: Db,
	writes: WriteWatch,
	clock: Clock
): (token: string) => Promise<SignedIn | null> {
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
	const kept = new Map<string, { signedIn: SignedIn; generation: number }>();

	async function check(id: string, now: number): Promise<SignedIn | null> {
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

	return async (token) => {
		const id = hashToken(token);
		const now = clock.now().getTime();
		const generation = writes.generation();
		const known = kept.get(id);
		kept.delete(id);
		// Trusted from memory only while no write happened and no renewal (a write) is due.
		if (
			known?.generation === generation &&
			now < known.signedIn.session.expiresAt.getTime() - IDLE_MS / 2 &&
			now < known.signedIn.session.absoluteExpiresAt.getTime()
		) {
			kept.set(id, known);
			return known.signedIn;
		}
		// The generation read before the query: a write landing meanwhile makes the next call check again.
		const signedIn = await check(id, now);
		if (signedIn) {
			kept.set(id, { signedIn, generation });
			if (kept.size > KEPT_SESSIONS) kept.delete(kept.keys().next().value ?? '');
		}
		return signedIn;
	};
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function invalidateAccountSessions(db: Db, accountId: number, except?: string): Promise<void> {
	let query = db.deleteFrom('session').where('account_id', '=', accountId);
	if (except) query = query.where('id', '!=', except);
	await query.execute();
}

/**
 * `__Host-` + Secure whenever the portal is served over https (the prefix binds the cookie to this
 * host and path /). On plain http (the demo on localhost) browsers would drop a Secure cookie, so
 * the cookie is named without the prefix there.
 */
export function sessionCookieName(config: Config): string {
	return isSecure(config) ? '__Host-portail_session' : 'portail_session';
}

function isSecure(config: Config): boolean {
	return config.publicUrl.startsWith('https://');
}

export function setSessionCookie(
	c: Context,
	config: Config,
	token: string,
	session: Session,
	now: Date
): void {
	setCookie(c, sessionCookieName(config), token, {
		httpOnly: true,
		secure: isSecure(config),
		sameSite: 'Lax',
		path: '/',
		// Relative (Max-Age), not a date: the browser's clock and the server's may differ (TEST_NOW).
		maxAge: Math.max(0, Math.floor((session.absoluteExpiresAt.getTime() - now.getTime()) / 1000))
	});
}

export function readSessionCookie(c: Context, config: Config): string | undefined {
	return getCookie(c, sessionCookieName(config));
}

export function clearSessionCookie(c: Context, config: Config): void {
	deleteCookie(c, sessionCookieName(config), {
		path: '/',
		secure: isSecure(config),
		httpOnly: true,
		sameSite: 'Lax'
	});
}
