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
	const key = input.identifiant.trim().toLowerCase();
	await assertNotThrottled(deps.db, deps.clock, key, ip);
	const account = await deps.db
		.selectFrom('account')
		.select(['id', 'password_hash'])
		.where((eb) => eb.or([eb('username', '=', key), eb('email', '=', key)]))
		.executeTakeFirst();
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
