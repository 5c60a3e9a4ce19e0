import type { z } from 'zod';
import type { recoverySchema } from '../../src/lib/domain/accounts/account-forms.ts';
import type { AppDeps } from '../deps.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { passwordResetMail, usernameReminderMail } from './account-mails.ts';
import { hashPassword } from './password-hash.ts';
import { invalidateAccountSessions } from './sessions.ts';
import { generateToken, hashToken } from './tokens.ts';

export const RESET_MS = 3600 * 1000;

/**
 * "Mon identifiant" / "Mon mot de passe". Whatever is found, the caller answers the same thing at
 * once: e-mails leave through the queue, after the answer.
 */
export async function startRecovery(deps: AppDeps, input: z.output<typeof recoverySchema>): Promise<void> {
	if (input.perdu === 'identifiant') {
		const accounts = await deps.db
			.selectFrom('account')
			.select('username')
			.where('email', '=', input.courriel)
			.execute();
		if (accounts.length > 0) {
			deps.mail.enqueue(
				usernameReminderMail(
					deps.config,
					input.courriel,
					accounts.map((a) => a.username)
				)
			);
		}
		return;
	}
	// The form sends both fields, the unused one empty.
	const key = (input.courriel || input.identifiant || '').toLowerCase();
	const account = await deps.db
		.selectFrom('account')
		.select(['id', 'email', 'username'])
		.where(input.courriel ? 'email' : 'username', '=', key)
		.executeTakeFirst();
	if (!account) return;
	const token = generateToken();
	const now = deps.clock.now();
	await deps.db
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
	deps.mail.enqueue(passwordResetMail(deps.config, account.email, account.username, token));
}

const invalidReset = () =>
	new AppError(
		410,
		'reset_link_invalid',
		'Ce lien de réinitialisation n’est plus valable (déjà utilisé ou expiré). Refaites une demande depuis « Mot de passe / identifiant perdu ? ».'
	);

async function resetToken(db: Db, token: string, now: Date) {
	const row = await db
		.selectFrom('account_token')
		.innerJoin('account', 'account.id', 'account_token.account_id')
		.select(['account_token.account_id', 'account_token.expires_at', 'account.username'])
		.where('account_token.token_hash', '=', hashToken(token))
		.where('account_token.purpose', '=', 'password-reset')
		.executeTakeFirst();
	if (!row || row.expires_at <= now.toISOString()) throw invalidReset();
	return row;
}

export async function resetInfo(deps: AppDeps, token: string): Promise<{ identifiant: string }> {
	return { identifiant: (await resetToken(deps.db, token, deps.clock.now())).username };
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
			.where('purpose', '=', 'password-reset')
			.execute();
		await invalidateAccountSessions(trx, accountId);
		return accountId;
	});
}
