import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { generateToken, hashToken } from './tokens.ts';
import type { AccountRole } from '../../src/lib/domain/accounts/roles.ts';

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
	role: AccountRole;
	personId: number;
	householdId: number;
	email: string;
};

export type Session = { id: string; accountId: number; expiresAt: Date; absoluteExpiresAt: Date };

/**
 * Live sessions kept per account, the oldest ended when a new one passes it. Each browser that
 * signs in has one (a new sign-in in the same browser replaces its own): a family's phones,
 * tablet and computers at home and at work stay well under it, while a script signing in over and
 * over cannot grow the table without end.
 */
export const MAX_SESSIONS_PER_ACCOUNT = 20;

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
	// Newest first by creation, then by insertion (rowid) for sessions made in the same millisecond.
	const kept = db
		.selectFrom('session')
		.select('id')
		.where('account_id', '=', accountId)
		.orderBy('created_at', 'desc')
		.orderBy(sql`rowid`, 'desc')
		.limit(MAX_SESSIONS_PER_ACCOUNT);
	await db.deleteFrom('session').where('account_id', '=', accountId).where('id', 'not in', kept).execute();
	return { token, session };
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

const TOKEN = /^[a-z2-7]{52}$/;

/** Whether a cookie's value has the shape of the tokens we give (base32, never quoted nor encoded). */
export function isSessionToken(value: string): boolean {
	return TOKEN.test(value);
}

/**
 * The value of the request's session cookie, as sent. Read by hand rather than by parsing every
 * cookie of the header, since every API call reads it; only a whole cookie counts: at the start of
 * the header or after a ";", never inside another cookie's value ("a=x portail_session=…" could
 * otherwise slip a token past the __Host- prefix, set from a sibling domain).
 */
export function readSessionCookie(c: Context, config: Config): string | undefined {
	const header = c.req.header('Cookie');
	if (!header) return undefined;
	const name = `${sessionCookieName(config)}=`;
	for (let at = header.indexOf(name); at !== -1; at = header.indexOf(name, at + 1)) {
		let before = at - 1;
		while (before >= 0 && (header[before] === ' ' || header[before] === '\t')) before--;
		if (before >= 0 && header[before] !== ';') continue;
		const end = header.indexOf(';', at);
		return header.slice(at + name.length, end === -1 ? undefined : end).trim();
	}
	return undefined;
}

export function clearSessionCookie(c: Context, config: Config): void {
	deleteCookie(c, sessionCookieName(config), {
		path: '/',
		secure: isSecure(config),
		httpOnly: true,
		sameSite: 'Lax'
	});
}
