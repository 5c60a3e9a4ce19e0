import type { z } from 'zod';
import type { recoverySchema } from '../../src/lib/domain/accounts/account-forms.ts';
import type { AppDeps } from '../deps.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { passwordResetMail, usernameReminderMail } from './account-mails.ts';
import { accountDisabled } from './login-service.ts';
import { hashPassword } from './password-hash.ts';
import { invalidateAccountSessions } from './sessions.ts';
import { reserve, tryReserve } from './throttle.ts';
import { RECOVERY, RECOVERY_MAILS } from './throttle-budgets.ts';
import { generateToken, hashToken } from './tokens.ts';

export const RESET_MS = 3600 * 1000;

type Recovery = z.output<typeof recoverySchema>;

/**
 * "Mon identifiant" / "Mon mot de passe". The answer is the same whatever is found, and so is the
 * work before it (the request's attempt written, the account looked for) and after it: one
 * transaction writing to the disk, whether an e-mail is sent or not (see recoveryMails). With
 * synchronous=FULL a write waits for the disk: done only for an account, it showed in how long
 * the next request waited, even after the answer. Beyond RECOVERY_MAILS an account gets no more
 * e-mails, silently.
 */
export async function startRecovery(deps: AppDeps, input: Recovery, ip: string): Promise<void> {
	await reserve(deps.db, deps.clock, RECOVERY, '', ip);
	const account = await findAccount(deps.db, input);
	deps.mail.later(() => recoveryMails(deps, input, account));
}

/** Stands for an e-mail not sent (no account, or its hour's e-mails spent): counted by no budget. */
const NO_MAIL = 'recuperation-sans-courriel:';

async function recoveryMails(
	deps: AppDeps,
	input: Recovery,
	account: { id: number; email: string; username: string } | undefined
): Promise<MailMessage[]> {
	const now = deps.clock.now();
	const token = generateToken();
	// An unknown identifier spends a budget of its own as an account would (its key cannot be an
	// account's: accounts are counted by their number), then writes the row a link would have
	// been: the same statements, and one commit, either way.
	const subject = account ? String(account.id) : `?${findKey(input)}`;
	const allowed = await deps.db.transaction().execute(async (trx) => {
		const mail = await tryReserve(trx, deps.clock, RECOVERY_MAILS, subject, '');
		if (!account || !mail) {
			await trx
				.insertInto('auth_failure')
				.values({ account_key: NO_MAIL, ip: '', at: now.toISOString() })
				.execute();
			return false;
		}
		if (input.perdu === 'mot-de-passe') {
			await trx
				.insertInto('account_token')
				.values({
					token_hash: hashToken(token),
					purpose: 'password-reset',
					account_id: account.id,
					new_email: null,
					expires_at: new Date(now.getTime() + RESET_MS).toISOString(),
					created_at: now.toISOString()
				})
				.execute();
		}
		return true;
	});
	if (!allowed || !account) return [];
	return [
		input.perdu === 'identifiant'
			? usernameReminderMail(deps.config, account.email, [account.username])
			: passwordResetMail(deps.config, account.email, account.username, token)
	];
}

/** The account a recovery names: by e-mail, or (for a password) by username; the form sends both. */
function findAccount(db: Db, input: Recovery) {
	const byEmail = input.perdu === 'identifiant' || Boolean(input.courriel);
	return db
		.selectFrom('account')
		.select(['id', 'email', 'username'])
		.where(byEmail ? 'email' : 'username', '=', findKey(input))
		.executeTakeFirst();
}

const findKey = (input: Recovery) =>
	(input.perdu === 'identifiant' ? input.courriel : input.courriel || input.identifiant || '').toLowerCase();

const invalidReset = () =>
	new AppError(
		410,
		'reset_link_invalid',
		'Ce lien de réinitialisation n’est plus valable (déjà utilisé ou expiré). Refaites une demande depuis « Mot de passe / identifiant perdu ? ».'
	);

/**
 * A link to choose a password: a reset asked by its holder, or an agent's invitation (the same
 * page, worded "Activez votre compte agent"). A disabled account's link signs nobody in.
 */
async function resetToken(db: Db, token: string, now: Date) {
	const row = await db
		.selectFrom('account_token')
		.innerJoin('account', 'account.id', 'account_token.account_id')
		.select([
			'account_token.account_id',
			'account_token.expires_at',
			'account_token.purpose',
			'account.username',
			'account.disabled_at'
		])
		.where('account_token.token_hash', '=', hashToken(token))
		.where('account_token.purpose', 'in', PASSWORD_PURPOSES)
		.executeTakeFirst();
	if (!row || row.expires_at <= now.toISOString()) throw invalidReset();
	if (row.disabled_at !== null) throw accountDisabled();
	return row;
}

const PASSWORD_PURPOSES = ['password-reset', 'agent-activation'] as const;
export type PasswordLinkPurpose = (typeof PASSWORD_PURPOSES)[number];

export async function resetInfo(
	deps: AppDeps,
	token: string
): Promise<{ identifiant: string; usage: PasswordLinkPurpose }> {
	const row = await resetToken(deps.db, token, deps.clock.now());
	return {
		identifiant: row.username,
		usage: row.purpose === 'agent-activation' ? 'agent-activation' : 'password-reset'
	};
}

/**
 * Sets the new password, spends every reset link of the account and ends all its sessions. The link
 * is checked before the password is hashed (a dead link costs no Argon2 hash), and again in the
 * transaction, as it may have been spent meanwhile.
 */
export async function resetPassword(
	deps: AppDeps,
	input: { jeton: string; motDePasse: string }
): Promise<number> {
	await resetToken(deps.db, input.jeton, deps.clock.now());
	const passwordHash = await hashPassword(input.motDePasse);
	return deps.db.transaction().execute(async (trx) => {
		const now = deps.clock.now();
		const { account_id: accountId } = await resetToken(trx, input.jeton, now);
		await trx
			.updateTable('account')
			.set({ password_hash: passwordHash, password_changed_at: now.toISOString() })
			.where('id', '=', accountId)
			.execute();
		await trx
			.deleteFrom('account_token')
			.where('account_id', '=', accountId)
			.where('purpose', 'in', PASSWORD_PURPOSES)
			.execute();
		await invalidateAccountSessions(trx, accountId);
		return accountId;
	});
}
