import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { AppEnv, CurrentAccount } from '../http/app-env.ts';
import { AppError } from '../http/errors.ts';
import { sessionValidator, type SignedIn } from './session-validator.ts';
import { clearSessionCookie, isSessionToken, readSessionCookie } from './sessions.ts';

/**
 * Reads the session cookie on every API call and sets `account` (null when signed out). A session
 * trusted from memory goes on without awaiting anything: most calls are the agenda's reads.
 */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
	const sessions = sessionValidator(deps.db, deps.writes, deps.clock);
	const signIn = (c: Context<AppEnv>, signedIn: SignedIn) => {
		c.set('session', signedIn.session);
		c.set('account', signedIn.account);
	};
	return (c, next) => {
		c.set('account', null);
		c.set('session', null);
		const token = readSessionCookie(c, deps.config);
		if (token === undefined) return next();
		// Not a token we could have given (a leftover, a forgery): no query, and the cookie cleared.
		if (!isSessionToken(token)) {
			clearSessionCookie(c, deps.config);
			return next();
		}
		const remembered = sessions.remembered(token);
		if (remembered) {
			signIn(c, remembered);
			return next();
		}
		return sessions.validate(token).then((signedIn) => {
			if (signedIn) signIn(c, signedIn);
			else clearSessionCookie(c, deps.config);
			return next();
		});
	};
}

export const SIGN_IN_AGAIN = 'Votre session a expiré ou vous n’êtes pas connecté. Veuillez vous reconnecter.';

export const FAMILIES_ONLY = 'Cet espace est réservé aux familles : votre compte est un compte de la mairie.';

/**
 * The signed-in family account, or a 401 that the app turns into "sign in again". An agent's
 * account gets 403: the families' routes read and write a household, and the town's household
 * (migration 0011) is not one. The agents' routes use requireAgent (server/backoffice).
 */
export function requireAccount(account: CurrentAccount | null): CurrentAccount {
	if (!account) throw new AppError(401, 'unauthenticated', SIGN_IN_AGAIN);
	if (account.role !== 'citizen') throw new AppError(403, 'families_only', FAMILIES_ONLY);
	return account;
}
