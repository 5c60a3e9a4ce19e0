import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { IdentityInput } from '../../../src/lib/domain/accounts/identity.ts';
import { json, type TestClient } from './http-client.ts';
import { readOutbox, tokenFrom } from './mailbox.ts';
import type { testApp } from './test-app.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;

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
	const challenge = await json<Parameters<typeof solveChallenge>[0]['challenge']>(
		await client.get('/api/accounts/captcha')
	);
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
	const res = await client.post('/api/accounts/registrations', {
		identity,
		captcha: await solvedCaptcha(client)
	});
	if (res.status !== 202) throw new Error(`inscription refusée : ${res.status} ${await res.text()}`);
	const jeton = await activationToken(ctx, identity.email.toLowerCase());
	const info = await json<{ identifiant: string }>(
		await client.get(`/api/accounts/activation?jeton=${jeton}`)
	);
	const identifiant = credentials.identifiant ?? info.identifiant;
	const motDePasse = credentials.motDePasse ?? 'Hesdigneul62';
	const activated = await client.post('/api/accounts/activation', {
		jeton,
		identifiant,
		motDePasse,
		confirmation: motDePasse
	});
	if (activated.status !== 201)
		throw new Error(`activation refusée : ${activated.status} ${await activated.text()}`);
	return { identifiant, motDePasse };
}
