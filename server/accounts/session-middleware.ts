import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { AppEnv, CurrentAccount } from '../http/app-env.ts';
import { AppError } from '../http/errors.ts';
import { clearSessionCookie, readSessionCookie, validateSessionToken } from './sessions.ts';

/** Reads the session cookie on every API call and sets `account` (null when signed out). */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		c.set('account', null);
		c.set('session', null);
		const token = readSessionCookie(c, deps.config);
		if (token) {
			const session = await validateSessionToken(deps.db, deps.clock, token);
			if (session) {
				const account = await deps.db
					.selectFrom('account')
					.select(['id', 'username', 'role', 'person_id', 'household_id', 'email'])
					.where('id', '=', session.accountId)
					.executeTakeFirst();
				if (account) {
					c.set('session', session);
					c.set('account', {
						id: account.id,
						username: account.username,
						role: account.role,
						personId: account.person_id,
						householdId: account.household_id,
						email: account.email
					});
				}
			} else {
				clearSessionCookie(c, deps.config);
			}
		}
		await next();
	};
}

export const SIGN_IN_AGAIN = 'Votre session a expiré ou vous n’êtes pas connecté. Veuillez vous reconnecter.';

/** The signed-in account, or a 401 that the app turns into "sign in again". */
export function requireAccount(account: CurrentAccount | null): CurrentAccount {
	if (!account) throw new AppError(401, 'unauthenticated', SIGN_IN_AGAIN);
	return account;
}
