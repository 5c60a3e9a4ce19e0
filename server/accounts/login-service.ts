import type { AppDeps } from '../deps.ts';
import { AppError } from '../http/errors.ts';
import { verifyAgainstDecoy, verifyPassword } from './password-hash.ts';
import { reserve } from './throttle.ts';
import { SIGN_IN } from './throttle-budgets.ts';

export const WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

/**
 * Checks a username (or e-mail) and password. One message for every failure, about the form as a
 * whole (not one field), the same work whether the account exists or not, and the attempt
 * reserved before the password is checked (see SIGN_IN for what is counted).
 */
export async function checkCredentials(
	deps: AppDeps,
	input: { identifiant: string; motDePasse: string },
	ip: string
): Promise<number> {
	const typed = input.identifiant.trim().toLowerCase();
	const attempt = await reserve(deps.db, deps.clock, SIGN_IN, typed, ip);
	const account = await deps.db
		.selectFrom('account')
		.select(['id', 'password_hash'])
		.where((eb) => eb.or([eb('username', '=', typed), eb('email', '=', typed)]))
		.executeTakeFirst();
	const valid = account
		? await verifyPassword(account.password_hash, input.motDePasse)
		: await verifyAgainstDecoy(input.motDePasse);
	// A failure keeps its reserved attempt; a success clears this identifier's from this address.
	if (!account || !valid) throw new AppError(401, 'wrong_credentials', WRONG_CREDENTIALS);
	await attempt.clear();
	return account.id;
}
