import type { AppDeps } from '../deps.ts';
import { NO_PASSWORD_YET } from '../backoffice/agents/agent-accounts.ts';
import { AppError } from '../http/errors.ts';
import type { Device } from './device-cookie.ts';
import { verifyAgainstDecoy, verifyPassword } from './password-hash.ts';
import { reserve } from './throttle.ts';
import { SIGN_IN } from './throttle-budgets.ts';

export const WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';
export const ACCOUNT_DISABLED = "Ce compte a été désactivé. Adressez-vous à l'administrateur de la mairie.";

/** Said only to whoever typed the right password: a wrong one never learns the account is disabled. */
export const accountDisabled = () => new AppError(403, 'account_disabled', ACCOUNT_DISABLED);

/**
 * Checks a username (or e-mail) and password. One message for every failure, about the form as a
 * whole (not one field), the same work whether the account exists or not, and the attempt
 * reserved before the password is checked (see SIGN_IN for what is counted): by the identifier,
 * or by the browser's device when its device cookie names the account the identifier leads to.
 * An agent invited but not yet activated has no password: verified against the decoy, as an
 * unknown account is (the same work and answer). A disabled account (an agent an administrator
 * disabled) is told so, but only after its right password.
 */
export async function checkCredentials(
	deps: AppDeps,
	input: { identifiant: string; motDePasse: string },
	ip: string,
	device: Device | null
): Promise<number> {
	const typed = input.identifiant.trim().toLowerCase();
	const account = await deps.db
		.selectFrom('account')
		.select(['id', 'password_hash', 'disabled_at'])
		.where((eb) => eb.or([eb('username', '=', typed), eb('email', '=', typed)]))
		.executeTakeFirst();
	// A device is counted by its id, 256 random bits only its browser holds: no typed identifier
	// can spend its budget.
	const subject = device && account && device.accountId === account.id ? `appareil ${device.id}` : typed;
	const attempt = await reserve(deps.db, deps.clock, SIGN_IN, subject, ip);
	const valid =
		account && account.password_hash !== NO_PASSWORD_YET
			? await verifyPassword(account.password_hash, input.motDePasse)
			: await verifyAgainstDecoy(input.motDePasse);
	// A failure keeps its reserved attempt; a success clears this identifier's from this address.
	if (!account || !valid) throw new AppError(401, 'wrong_credentials', WRONG_CREDENTIALS);
	await attempt.clear();
	if (account.disabled_at !== null) throw accountDisabled();
	return account.id;
}
