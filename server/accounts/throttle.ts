import { formatParisDateTime, parisDate } from '../../src/lib/domain/agenda/paris-time.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import type { Budget } from './throttle-budgets.ts';

/** A reserved attempt: it counts until `clear` (a success) removes it with its subject's failures. */
export type Attempt = { clear(): Promise<void> };

type Limit = { limit: number; subject: boolean; address: boolean };

function limitsOf(budget: Budget): Limit[] {
	const limits: Limit[] = [];
	if (budget.perSubject) limits.push({ limit: budget.perSubject, subject: true, address: false });
	if (budget.perSubjectAndAddress)
		limits.push({ limit: budget.perSubjectAndAddress, subject: true, address: true });
	if (budget.perAddress) limits.push({ limit: budget.perAddress, subject: false, address: true });
	return limits;
}

// Rows of a budget are the keys from "name:" up to (not including) "name;", ';' following ':'.
const keyOf = (budget: Budget, subject: string) => `${budget.name}:${subject}`;

/** The rows one limit counts, as a query to extend. */
function counted(db: Db, budget: Budget, limit: Limit, subject: string, ip: string, since: string) {
	let query = db.selectFrom('auth_failure').where('at', '>', since);
	if (limit.subject) query = query.where('account_key', '=', keyOf(budget, subject));
	else
		query = query.where('account_key', '>=', `${budget.name}:`).where('account_key', '<', `${budget.name};`);
	if (limit.address) query = query.where('ip', '=', ip);
	return query;
}

/**
 * Reserves one attempt of `budget` for `subject` from `ip`, or answers 429 with the time to retry.
 * The attempt is recorded by the same statement that counts the earlier ones (one INSERT … SELECT
 * … WHERE count < limit): a burst of parallel requests cannot all pass a count made before any of
 * them was recorded, so the expensive work after it (a password check, a hash, an e-mail) runs
 * at most `limit` times a window. It stays counted unless `clear`ed.
 */
export async function reserve(
	db: Db,
	clock: Clock,
	budget: Budget,
	subject: string,
	ip: string
): Promise<Attempt> {
	const attempt = await tryReserve(db, clock, budget, subject, ip);
	if (!attempt) throw await refusal(db, clock, budget, subject, ip);
	return attempt;
}

/** As `reserve`, but null instead of a 429: for limits that must not show (a mail not sent). */
export async function tryReserve(
	db: Db,
	clock: Clock,
	budget: Budget,
	subject: string,
	ip: string
): Promise<Attempt | null> {
	const now = clock.now();
	const since = new Date(now.getTime() - budget.windowMs).toISOString();
	const key = keyOf(budget, subject);
	const result = await db
		.insertInto('auth_failure')
		.columns(['account_key', 'ip', 'at'])
		.expression(
			db
				.selectNoFrom((eb) => [
					eb.val(key).as('account_key'),
					eb.val(ip).as('ip'),
					eb.val(now.toISOString()).as('at')
				])
				.where((eb) =>
					eb.and(
						limitsOf(budget).map((limit) =>
							eb(
								counted(db, budget, limit, subject, ip, since).select((c) => c.fn.countAll().as('n')),
								'<',
								limit.limit
							)
						)
					)
				)
		)
		.executeTakeFirst();
	if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
	return {
		clear: async () => {
			await db.deleteFrom('auth_failure').where('account_key', '=', key).where('ip', '=', ip).execute();
		}
	};
}

/** The 429 of a full budget: retry when the oldest attempt counted by a full limit leaves the window. */
async function refusal(db: Db, clock: Clock, budget: Budget, subject: string, ip: string) {
	const now = clock.now();
	const since = new Date(now.getTime() - budget.windowMs).toISOString();
	let retryAt = now.getTime() + 1000;
	for (const limit of limitsOf(budget)) {
		const rows = await counted(db, budget, limit, subject, ip, since)
			.select('at')
			.orderBy('at', 'desc')
			.limit(limit.limit)
			.execute();
		const oldest = rows.at(-1);
		if (rows.length >= limit.limit && oldest) {
			retryAt = Math.max(retryAt, Date.parse(oldest.at) + budget.windowMs);
		}
	}
	return new AppError(429, 'too_many_attempts', retryMessage(now, new Date(retryAt)), undefined, {
		'Retry-After': String(Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)))
	});
}

const timeOnly = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' });

function retryMessage(now: Date, retryAt: Date): string {
	const when =
		parisDate(retryAt) === parisDate(now)
			? `de ${timeOnly.format(retryAt)}`
			: `du ${formatParisDateTime(retryAt)}`;
	return `Trop de tentatives. Pour votre sécurité, réessayez à partir ${when}.`;
}
