import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';

export const WINDOW_MS = 15 * 60 * 1000;
/** Failures of one account from one address: a legitimate user elsewhere keeps signing in. */
export const PER_ACCOUNT_AND_IP = 10;
/** Failures from one address on any accounts (a family or a school share an address: kept higher). */
export const PER_IP = 30;

function retryMessage(retryAt: Date): string {
	const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' }).format(
		retryAt
	);
	return `Trop de tentatives. Pour votre sécurité, réessayez à partir de ${time}.`;
}

/**
 * Refuses (429) while `key` has failed too often in the last 15 minutes from `ip`, or `ip` on
 * any key. The answer says when to retry: when the oldest counted failure leaves the window.
 */
export async function assertNotThrottled(db: Db, clock: Clock, key: string, ip: string): Promise<void> {
	const now = clock.now();
	const since = new Date(now.getTime() - WINDOW_MS).toISOString();
	const pair = await db
		.selectFrom('auth_failure')
		.select('at')
		.where('account_key', '=', key)
		.where('ip', '=', ip)
		.where('at', '>', since)
		.orderBy('at', 'desc')
		.limit(PER_ACCOUNT_AND_IP)
		.execute();
	const fromIp = await db
		.selectFrom('auth_failure')
		.select('at')
		.where('ip', '=', ip)
		.where('at', '>', since)
		.orderBy('at', 'desc')
		.limit(PER_IP)
		.execute();
	const blocking = pair.length >= PER_ACCOUNT_AND_IP ? pair : fromIp.length >= PER_IP ? fromIp : null;
	if (blocking) {
		const oldest = new Date(blocking[blocking.length - 1]?.at ?? now.toISOString());
		const retryAt = new Date(oldest.getTime() + WINDOW_MS);
		throw new AppError(429, 'too_many_attempts', retryMessage(retryAt), undefined, {
			'Retry-After': String(Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)))
		});
	}
}

export async function recordFailure(db: Db, clock: Clock, key: string, ip: string): Promise<void> {
	const now = clock.now();
	await db.insertInto('auth_failure').values({ account_key: key, ip, at: now.toISOString() }).execute();
	// Keep the table small: nothing older than a day is ever counted.
	await db
		.deleteFrom('auth_failure')
		.where('at', '<', new Date(now.getTime() - 24 * 3600 * 1000).toISOString())
		.execute();
}

export async function clearFailures(db: Db, key: string, ip: string): Promise<void> {
	await db.deleteFrom('auth_failure').where('account_key', '=', key).where('ip', '=', ip).execute();
}
