import type { MiddlewareHandler } from 'hono';
import { SIGN_IN_AGAIN } from '../accounts/session-middleware.ts';
import type { AppEnv, CurrentAccount } from '../http/app-env.ts';
import { AppError } from '../http/errors.ts';

export const AGENTS_ONLY = 'Cet espace est réservé aux agents de la mairie.';
export const ADMINISTRATORS_ONLY = 'Cette action est réservée aux administrateurs.';

/** The signed-in agent (or administrateur): 401 when signed out, 403 for a family's account. */
export function requireAgent(account: CurrentAccount | null): CurrentAccount {
	if (!account) throw new AppError(401, 'unauthenticated', SIGN_IN_AGAIN);
	if (account.role === 'citizen') throw new AppError(403, 'agents_only', AGENTS_ONLY);
	return account;
}

/** The signed-in administrateur: 401 signed out, 403 for a family or a plain agent. */
export function requireAdministrateur(account: CurrentAccount | null): CurrentAccount {
	const agent = requireAgent(account);
	if (agent.role !== 'administrateur') throw new AppError(403, 'administrators_only', ADMINISTRATORS_ONLY);
	return agent;
}

/**
 * In front of every /api/admin route (server/backoffice/admin-routes.ts), before any body is read:
 * a route added there cannot forget the check (tests/server/backoffice/admin-roles.test.ts tries
 * each one signed out and as a family).
 */
export const agentsOnly: MiddlewareHandler<AppEnv> = (c, next) => {
	requireAgent(c.get('account'));
	return next();
};

/** For the sub-routers only administrators may use (agents, audit log). */
export const administratorsOnly: MiddlewareHandler<AppEnv> = (c, next) => {
	requireAdministrateur(c.get('account'));
	return next();
};
