import type { AppDeps } from '../deps.ts';
import { AppError } from '../http/errors.ts';
import { verifyAgainstDecoy, verifyPassword } from './password-hash.ts';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle.ts';

export const WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

/**
 * Checks a username (or e-mail) and password. One message for every failure, the same work done
 * whether the account exists or not, and throttling per account and address.
 */
export async function checkCredentials(
	deps: AppDeps,
	input: { identifiant: string; motDePasse: string },
	ip: string
): Promise<number> {
	const typed = input.identifiant.trim().toLowerCase();
	const account = await deps.db
		.selectFrom('account')
		.select(['id', 'password_hash'])
		.where((eb) => eb.or([eb('username', '=', typed), eb('email', '=', typed)]))
		.executeTakeFirst();
	// Failures count per account (by username or by e-mail alike); unknown names count as typed.
	const key = account ? `compte:${account.id}` : `saisie:${typed}`;
	await assertNotThrottled(deps.db, deps.clock, key, ip);
	const valid = account
		? await verifyPassword(account.password_hash, input.motDePasse)
		: await verifyAgainstDecoy(input.motDePasse);
	if (!account || !valid) {
		await recordFailure(deps.db, deps.clock, key, ip);
		throw new AppError(401, 'wrong_credentials', WRONG_CREDENTIALS, { motDePasse: WRONG_CREDENTIALS });
	}
	await clearFailures(deps.db, key, ip);
	return account.id;
}
