import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { IdentityInput } from '../../../src/lib/domain/accounts/identity.ts';
import type { TestClient } from './http-client.ts';
import { readOutbox, tokenFrom, type OutboxMail } from './mailbox.ts';
import type { TestCtx } from './test-app.ts';

type Ctx = TestCtx;

export const PASCAL: IdentityInput = {
	civilite: 'Monsieur',
	nomNaissance: 'Dupin',
	prenom: 'Pascal',
	dateNaissance: { jour: '01', mois: '01', annee: '1971' },
	paysNaissance: 'France',
	communeNaissance: 'LYON 04',
	departementNaissance: '69',
	email: 'dupin@example.com'
};

/** Solves a real challenge of the server, as the widget does in the browser. */
export async function solvedCaptcha(client: TestClient): Promise<string> {
	const challenge = await (await client.api.accounts.captcha.$get()).json();
	const solution = await solveChallenge({ challenge, deriveKey });
	return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** The last activation token mailed to `email`. */
export async function activationToken(ctx: Ctx, email: string): Promise<string> {
	await ctx.mail.drain();
	const mails = readOutbox(ctx.dataDir).filter((m) => m.to === email && m.subject.startsWith('Activez'));
	return tokenFrom(mails.at(-1), '/activation');
}

/** Registration through the API from start to finish; the client ends signed in. */
export async function registerCitizen(
	ctx: Ctx,
	client: TestClient,
	identity: IdentityInput = PASCAL,
	credentials: { identifiant?: string; motDePasse?: string } = {}
): Promise<{ identifiant: string; motDePasse: string }> {
	const res = await client.api.accounts.registrations.$post({
		json: { identity, captcha: await solvedCaptcha(client) }
	});
	if (res.status !== 202) throw new Error(`inscription refusée : ${res.status} ${await res.text()}`);
	const jeton = await activationToken(ctx, identity.email.toLowerCase());
	const info = await (await client.api.accounts.activation.$get({ query: { jeton } })).json();
	const identifiant = credentials.identifiant ?? info.identifiant;
	const motDePasse = credentials.motDePasse ?? 'Hesdigneul62';
	const activated = await client.api.accounts.activation.$post({
		json: { jeton, identifiant, motDePasse, confirmation: motDePasse }
	});
	if (activated.status !== 201)
		throw new Error(`activation refusée : ${activated.status} ${await activated.text()}`);
	return { identifiant, motDePasse };
}

/** A second citizen, for tests that need two households. */
export const CLAIRE: IdentityInput = {
	civilite: 'Madame',
	nomNaissance: 'Martin',
	prenom: 'Claire',
	dateNaissance: { jour: '15', mois: '06', annee: '1985' },
	paysNaissance: 'Belgique',
	communeNaissance: 'Tournai',
	email: 'claire.martin@example.org'
};

/** Every e-mail sent so far (the queue drained first), optionally only those to `to`. */
export async function mailsTo(ctx: Ctx, to?: string): Promise<OutboxMail[]> {
	await ctx.mail.drain();
	return readOutbox(ctx.dataDir).filter((m) => to === undefined || m.to === to);
}

export function login(client: TestClient, identifiant: string, motDePasse = 'Hesdigneul62') {
	return client.api.auth.login.$post({ json: { identifiant, motDePasse } });
}

/** The session cookie's value in the client's jar (http PUBLIC_URL: no __Host- prefix). */
export function sessionCookie(client: TestClient, name = 'portail_session'): string | undefined {
	return client.cookies.get(name);
}
