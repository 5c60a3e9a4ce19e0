import { identitySchema, type Identity } from '../../src/lib/domain/accounts/identity.ts';
import { parisDate } from '../../src/lib/domain/agenda/paris-time.ts';
import { defaultUsername, uniqueUsername } from '../../src/lib/domain/accounts/username.ts';
import { fieldErrors } from '../../src/lib/domain/forms/field-errors.ts';
import type { AppDeps } from '../deps.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { createHouseholdWithTitulaire } from '../profile/household-service.ts';
import { activationMail, alreadyRegisteredMail } from './account-mails.ts';
import { spendCaptcha, verifyCaptcha } from './captcha.ts';
import { hashPassword } from './password-hash.ts';
import { reserve } from './throttle.ts';
import { REGISTRATION } from './throttle-budgets.ts';
import { generateToken, hashToken } from './tokens.ts';

export const ACTIVATION_MS = 72 * 3600 * 1000;

const invalidActivation = () =>
	new AppError(
		410,
		'activation_link_invalid',
		'Ce lien d’activation n’est plus valable (déjà utilisé ou expiré). Refaites une demande de création de compte.'
	);

/**
 * "Enregistrer la demande": the identity is kept as a pending request and a single-use activation
 * link is e-mailed. The answer is the same whether an account exists for the address or not (the
 * owner of an existing account gets a reminder instead), and so is the work before it (the
 * captcha spent, the address looked for; see REGISTRATION for what an address may ask) and after
 * it (the request kept, a write to the disk, and one e-mail). A second request for the same
 * address replaces the first with a fresh link.
 */
export async function requestAccount(
	deps: AppDeps,
	body: { identity: unknown; captcha: unknown },
	ip: string
): Promise<void> {
	const now = deps.clock.now();
	// "Today" is the Paris day, by the same function as the browser's form (todayInParis).
	const parsed = identitySchema(parisDate(now)).safeParse(body.identity);
	if (!parsed.success) {
		throw new AppError(400, 'invalid_fields', 'Certains champs sont à corriger.', fieldErrors(parsed.error));
	}
	// A typo costs nothing (the form is checked first, cheaply); a request that gets further takes
	// its place in the address's budget before the captcha is checked and anything is sent.
	await reserve(deps.db, deps.clock, REGISTRATION, '', ip);
	await spendCaptcha(deps.db, await verifyCaptcha(deps.db, body.captcha));
	const identity = parsed.data;
	const account = await deps.db
		.selectFrom('account')
		.select('username')
		.where('email', '=', identity.email)
		.executeTakeFirst();
	deps.mail.later(async () => {
		// The same write whether the address has an account or not: the next request's wait for the
		// disk must not tell. An existing account's request is stored as a new one's, but its link
		// is never sent: nobody can use it, and activation refuses an address already taken.
		const token = generateToken();
		const values = {
			email: identity.email,
			identity_json: JSON.stringify(identity),
			token_hash: hashToken(token),
			expires_at: new Date(now.getTime() + ACTIVATION_MS).toISOString(),
			created_at: now.toISOString()
		};
		await deps.db
			.insertInto('account_request')
			.values(values)
			.onConflict((oc) => oc.column('email').doUpdateSet(values))
			.execute();
		if (account) return [alreadyRegisteredMail(deps.config, identity.email, account.username)];
		return [activationMail(deps.config, identity.email, identity.prenom, token)];
	});
}

async function pendingRequest(db: Db, token: string, now: Date) {
	const row = await db
		.selectFrom('account_request')
		.selectAll()
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.expires_at <= now.toISOString()) throw invalidActivation();
	return { id: row.id, identity: JSON.parse(row.identity_json) as Identity };
}

export async function isUsernameTaken(db: Db, username: string): Promise<boolean> {
	const row = await db
		.selectFrom('account')
		.select('id')
		.where('username', '=', username.toLowerCase())
		.executeTakeFirst();
	return row !== undefined;
}

/** What the activation page shows: who is activating, and a free `prénom.nom` to start from. */
export async function activationInfo(deps: AppDeps, token: string) {
	const { identity } = await pendingRequest(deps.db, token, deps.clock.now());
	const username = await uniqueUsername(defaultUsername(identity.prenom, identity.nomNaissance), (u) =>
		isUsernameTaken(deps.db, u)
	);
	return {
		prenom: identity.prenom,
		nom: identity.nomNaissance.toUpperCase(),
		email: identity.email,
		identifiant: username
	};
}

const usernameTaken = () =>
	new AppError(409, 'username_taken', 'Cet identifiant est déjà utilisé.', {
		identifiant: 'Cet identifiant est déjà utilisé : choisissez-en un autre.'
	});

/** Refuses (410) a link that is not a pending request's, without reading anything else. */
export async function assertActivationLink(deps: AppDeps, token: string): Promise<void> {
	await pendingRequest(deps.db, token, deps.clock.now());
}

/**
 * "Valider et accéder à votre compte": creates the household with its titulaire and the account,
 * and spends the link, all in one transaction (a link used twice creates one account). The link
 * and the username are checked before the password is hashed, so a refused request costs no
 * Argon2 hash; the transaction checks both again, as either may have changed meanwhile.
 */
export async function activateAccount(
	deps: AppDeps,
	input: { jeton: string; identifiant: string; motDePasse: string }
): Promise<number> {
	await pendingRequest(deps.db, input.jeton, deps.clock.now());
	if (await isUsernameTaken(deps.db, input.identifiant)) throw usernameTaken();
	const passwordHash = await hashPassword(input.motDePasse);
	return deps.db.transaction().execute(async (trx) => {
		const now = deps.clock.now();
		const { id: requestId, identity } = await pendingRequest(trx, input.jeton, now);
		if (await isUsernameTaken(trx, input.identifiant)) throw usernameTaken();
		const email = await trx
			.selectFrom('account')
			.select('id')
			.where('email', '=', identity.email)
			.executeTakeFirst();
		if (email) throw invalidActivation();
		const { accountId } = await createHouseholdWithTitulaire(
			trx,
			identity,
			{ username: input.identifiant, email: identity.email, passwordHash, role: 'citizen' },
			now.toISOString()
		);
		await trx.deleteFrom('account_request').where('id', '=', requestId).execute();
		return accountId;
	});
}
