import { emailChangeMail, emailChangeNoticeMail } from '../accounts/account-mails.ts';
import { generateToken, hashToken } from '../accounts/tokens.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { AppError } from '../http/errors.ts';

export const EMAIL_CHANGE_MS = 72 * 3600 * 1000;

/**
 * A new address is only used once its owner clicks the link sent to it; until then nothing
 * changes. The current address is told, in case the request is not its owner's.
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
	await deps.db.transaction().execute(async (trx) => {
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
	});
	deps.mail.enqueue(emailChangeMail(deps.config, newEmail, token));
	deps.mail.enqueue(emailChangeNoticeMail(deps.config, account.email, newEmail));
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
