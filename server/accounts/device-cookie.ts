import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../deps.ts';
import { serverSecret } from './server-secrets.ts';
import { generateToken } from './tokens.ts';

/**
 * OWASP's device cookies: at each sign-in a browser is given a cookie naming the account, signed
 * by the server. Guesses at an identifier from anywhere share one budget (see SIGN_IN), so a
 * stranger's guesses may lock out browsers that never signed in to the account; a browser whose
 * cookie names the account the identifier leads to is counted apart, by its device, and its
 * owner still signs in. The cookie proves nothing more: it never replaces the password.
 */
export const DEVICE_MS = 365 * 24 * 3600 * 1000;

export type Device = { accountId: number; id: string };

const cookieName = (deps: AppDeps) =>
	deps.config.publicUrl.startsWith('https://') ? '__Host-portail_appareil' : 'portail_appareil';

const signature = (secret: string, text: string) =>
	createHmac('sha256', secret).update(text).digest('base64url');

/** Gives this browser a new device cookie for `accountId` (one per browser: the last account's). */
export async function issueDeviceCookie(deps: AppDeps, c: Context, accountId: number): Promise<void> {
	const text = `${accountId}.${generateToken()}.${deps.clock.now().getTime()}`;
	const signed = `${text}.${signature(await serverSecret(deps.db, 'appareil'), text)}`;
	setCookie(c, cookieName(deps), signed, {
		httpOnly: true,
		secure: deps.config.publicUrl.startsWith('https://'),
		sameSite: 'Strict',
		path: '/',
		maxAge: DEVICE_MS / 1000
	});
}

const SHAPE = /^(\d{1,15})\.([a-z2-7]{52})\.(\d{1,15})\.([\w-]{43})$/;

/** The device of this browser's cookie when it is ours (signed, not expired), else null. */
export async function deviceOf(deps: AppDeps, c: Context): Promise<Device | null> {
	const match = SHAPE.exec(getCookie(c, cookieName(deps)) ?? '');
	if (!match) return null;
	const [, accountId = '', id = '', issuedAt = '', given = ''] = match;
	const expected = signature(await serverSecret(deps.db, 'appareil'), `${accountId}.${id}.${issuedAt}`);
	if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return null;
	const age = deps.clock.now().getTime() - Number(issuedAt);
	if (age < 0 || age > DEVICE_MS) return null;
	return { accountId: Number(accountId), id };
}
