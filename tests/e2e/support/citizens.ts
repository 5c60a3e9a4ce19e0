import type { APIRequestContext, Page } from '@playwright/test';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { linkIn, type TestMailServer } from './smtp.ts';

export const DEMO = { identifiant: 'pascal.dupin', motDePasse: 'Hesdigneul62' };

/** Fills and sends the sign-in form of the page shown. */
export async function signIn(page: Page, identifiant: string, motDePasse: string): Promise<void> {
	await page.getByLabel('Identifiant ou courriel').fill(identifiant);
	await page.getByLabel(/^Mot de passe/).fill(motDePasse);
	await page.getByRole('button', { name: 'Me connecter' }).click();
}

type Newcomer = { prenom: string; nom: string; email: string };
const CLAIRE: Newcomer = { prenom: 'Claire', nom: 'Martin', email: 'claire.martin@example.org' };

/**
 * An account requested through the real API as a browser would (captcha solved), without touching
 * the page's own session (`request` has its own cookies); returns the activation link mailed.
 */
export async function requestAccount(
	request: APIRequestContext,
	mailServer: TestMailServer,
	baseURL: string,
	who: Newcomer = CLAIRE
): Promise<string> {
	const challenge = await (await request.get('/api/accounts/captcha')).json();
	const solution = await solveChallenge({ challenge, deriveKey });
	const captcha = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
	const identity = {
		civilite: 'Madame',
		nomNaissance: who.nom,
		prenom: who.prenom,
		dateNaissance: { jour: '15', mois: '06', annee: '1985' },
		paysNaissance: 'Belgique',
		communeNaissance: 'Tournai',
		email: who.email
	};
	const sent = await request.post('/api/accounts/registrations', {
		headers: { Origin: baseURL },
		data: { identity, captcha }
	});
	if (sent.status() !== 202) throw new Error(`inscription refusée : ${sent.status()} ${await sent.text()}`);
	return linkIn(await mailServer.waitFor(who.email, 'Activez votre compte citoyen'), '/activation');
}

/** A second household, requested and activated through the API (see requestAccount). */
export async function registerCitizen(
	request: APIRequestContext,
	mailServer: TestMailServer,
	baseURL: string,
	who: Newcomer = CLAIRE
): Promise<{ identifiant: string; motDePasse: string }> {
	const link = await requestAccount(request, mailServer, baseURL, who);
	const jeton = new URL(link).searchParams.get('jeton') ?? '';
	const { identifiant } = await (await request.get(`/api/accounts/activation?jeton=${jeton}`)).json();
	const motDePasse = 'Hesdigneul62';
	const activated = await request.post('/api/accounts/activation', {
		headers: { Origin: baseURL },
		data: { jeton, identifiant, motDePasse, confirmation: motDePasse }
	});
	if (activated.status() !== 201) throw new Error(`activation refusée : ${activated.status()}`);
	return { identifiant, motDePasse };
}

/** A click as a hand makes it: a pause between press and release, when a moving page loses it. */
export async function humanClick(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
	const box = await locator.boundingBox();
	if (!box) throw new Error('élément invisible');
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.waitForTimeout(150);
	await page.mouse.up();
}

export type DeviceData = {
	account: { identifiant: string; signedIn?: boolean } | null;
	agendaPersons: string[] | null;
	outbox: number;
	outcomes: number;
};

/** What the browser's database holds, read from IndexedDB itself (not through the app). */
export function deviceData(page: Page): Promise<DeviceData> {
	return page.evaluate(
		() =>
			new Promise<DeviceData>((done, fail) => {
				const open = indexedDB.open('portail-citoyen');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['account', 'agenda', 'outbox', 'outcomes'], 'readonly');
					const account = tx.objectStore('account').get('current');
					const agenda = tx.objectStore('agenda').get('agenda');
					const outbox = tx.objectStore('outbox').count();
					const outcomes = tx.objectStore('outcomes').count();
					tx.oncomplete = () => {
						db.close();
						const snapshot = agenda.result?.snapshot as { persons: { prenom: string }[] } | undefined;
						done({
							account: account.result
								? { identifiant: account.result.account.identifiant, signedIn: account.result.signedIn }
								: null,
							agendaPersons: snapshot ? snapshot.persons.map((p) => p.prenom) : null,
							outbox: outbox.result,
							outcomes: outcomes.result
						});
					};
					tx.onerror = () => fail(tx.error);
				};
			})
	);
}
