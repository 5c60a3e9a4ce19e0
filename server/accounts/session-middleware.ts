import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { AppEnv, CurrentAccount } from '../http/app-env.ts';
import { AppError } from '../http/errors.ts';
import { clearSessionCookie, readSessionCookie, sessionValidator } from './sessions.ts';

/** Reads the session cookie on every API call and sets `account` (null when signed out). */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
	const validate = sessionValidator(deps.db, deps.writes, deps.clock);
	return async (c, next) => {
		c.set('account', null);
		c.set('session', null);
		const token = readSessionCookie(c, deps.config);
		if (token) {
			const signedIn = await validate(token);
			if (signedIn) {
				c.set('session', signedIn.session);
				c.set('account', signedIn.account);
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
