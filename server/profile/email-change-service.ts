import { emailAlreadyUsedMail, emailChangeMail, emailChangeNoticeMail } from '../accounts/account-mails.ts';
import { reserve } from '../accounts/throttle.ts';
import { EMAIL_CHANGE } from '../accounts/throttle-budgets.ts';
import { generateToken, hashToken } from '../accounts/tokens.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { AppError } from '../http/errors.ts';

export const EMAIL_CHANGE_MS = 72 * 3600 * 1000;

/**
 * A new address is only used once its owner clicks the link sent to it; until then nothing
 * changes. The current address is told, in case the request is not its owner's.
 * An address that is already another account's gets the same answer, and the same pending change
 * is kept, so the answer does not tell whose it is; it is sent no link, only a notice that
 * nothing changed (its confirmation would be refused anyway). Each account may ask EMAIL_CHANGE
 * times a day: each request sends two e-mails. The e-mails are written after the answer.
 */
export async function requestEmailChange(
	deps: AppDeps,
	account: CurrentAccount,
	newEmail: string
): Promise<void> {
	if (newEmail === account.email) {
		throw new AppError(400, 'invalid_fields', 'Certains champs sont à corriger.', {
			courriel: 'C’est déjà votre adresse actuelle.'
		});
	}
	const token = generateToken();
	const now = deps.clock.now();
	const taken = await deps.db.transaction().execute(async (trx) => {
		await reserve(trx, deps.clock, EMAIL_CHANGE, String(account.id), '');
		await trx
			.deleteFrom('account_token')
			.where('account_id', '=', account.id)
			.where('purpose', '=', 'email-change')
			.execute();
		await trx
			.insertInto('account_token')
			.values({
				token_hash: hashToken(token),
				purpose: 'email-change',
				account_id: account.id,
				new_email: newEmail,
				expires_at: new Date(now.getTime() + EMAIL_CHANGE_MS).toISOString(),
				created_at: now.toISOString()
			})
			.execute();
		const owner = await trx
			.selectFrom('account')
			.select('id')
			.where('email', '=', newEmail)
			.executeTakeFirst();
		return owner !== undefined;
	});
	deps.mail.later(() => [
		taken ? emailAlreadyUsedMail(deps.config, newEmail) : emailChangeMail(deps.config, newEmail, token),
		emailChangeNoticeMail(deps.config, account.email, newEmail)
	]);
}

export async function confirmEmailChange(deps: AppDeps, token: string): Promise<{ courriel: string }> {
	return deps.db.transaction().execute(async (trx) => {
		const now = deps.clock.now().toISOString();
		const row = await trx
			.selectFrom('account_token')
			.select(['account_id', 'new_email', 'expires_at'])
			.where('token_hash', '=', hashToken(token))
			.where('purpose', '=', 'email-change')
			.executeTakeFirst();
		if (!row?.new_email || row.expires_at <= now) {
			throw new AppError(
				410,
				'email_link_invalid',
				'Ce lien de confirmation n’est plus valable (déjà utilisé ou expiré).'
			);
		}
		const taken = await trx
			.selectFrom('account')
			.select('id')
			.where('email', '=', row.new_email)
			.executeTakeFirst();
		if (taken) {
			throw new AppError(
				409,
				'email_taken',
				'Cette adresse est déjà celle d’un autre compte : elle ne peut pas être utilisée.'
			);
		}
		await trx.updateTable('account').set({ email: row.new_email }).where('id', '=', row.account_id).execute();
		await trx
			.deleteFrom('account_token')
			.where('account_id', '=', row.account_id)
			.where('purpose', '=', 'email-change')
			.execute();
		return { courriel: row.new_email };
	});
}
