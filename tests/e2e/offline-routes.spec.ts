import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';
import { currentStep, signInTo, startDemande } from './support/requests-page.ts';

const GROUPS = resolve(import.meta.dirname, '../../.svelte-kit/output/precache-groups.json');

/** How many files the build left for the service worker to download once a family signs in. */
function familyFiles(): number {
	return (JSON.parse(readFileSync(GROUPS, 'utf8')) as { famille: string[] }).famille.length;
}

/** The family pages' cache, as the service worker filled it after the app asked (not the test). */
async function familyCached(page: Page): Promise<number> {
	return page.evaluate(async () => (await (await caches.open('portail-pages-famille')).keys()).length);
}

/** Only the service worker's caches can answer now: the browser's HTTP cache is emptied. */
async function forgetHttpCache(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.clearBrowserCache');
	await cdp.detach();
}

test.use({ demo: true });

test.describe('every route offline (staged precache)', () => {
	test('after one signed-in visit, the family pages open with the server stopped; the public ones too', async ({
		page,
		portal
	}) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		await signInTo(page, '/agenda');
		await expect(page.getByRole('heading', { level: 1, name: /^Agenda/ })).toBeVisible();
		// The app told the worker a family signed in: the family's pages come, all of them.
		const expected = familyFiles();
		expect(expected).toBeGreaterThan(0);
		await expect.poll(() => familyCached(page), { timeout: 30_000 }).toBe(expected);

		// A new demande starts online; its form's code comes from the network here, not from the cache.
		await page.goto('/demarches/fiche-enfant');
		const id = await startDemande(page);
		const draft = `/demandes/${id}/formulaire`;
		await expect(currentStep(page)).toBeVisible();

		await portal.stop();
		await forgetHttpCache(page);

		// Each typed as a deep link, with only the worker's caches to answer.
		const routes: [string, RegExp][] = [
			['/', /^Bienvenue sur le portail citoyen/],
			['/demandes', /^Mes demandes$/],
			['/profil', /^Mon profil$/],
			['/echanges', /^Échanges$/],
			['/demarches/fiche-enfant', /^Fiche enfant/],
			['/agenda', /^Agenda/]
		];
		for (const [path, heading] of routes) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1, name: heading }), path).toBeVisible();
		}

		// A demande's form step (its draft was started online, as a new demande must be).
		await page.goto(draft);
		await expect(currentStep(page)).toBeVisible();
	});

	test('the registration page opens offline and says why its anti-robot check is missing', async ({
		page,
		portal
	}) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		await page.evaluate(() => navigator.serviceWorker.ready);
		await portal.stop();
		await forgetHttpCache(page);

		await page.goto('/creer-mon-compte/formulaire');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Création de compte particulier' })
		).toBeVisible();
		await page.getByLabel(/^Nom de naissance/).fill('Martin');
		await expect(page.getByText(/La vérification anti-robot a besoin d.une connexion/)).toBeVisible();
		await expect(page.getByLabel(/^Nom de naissance/)).toHaveValue('Martin');
		// altcha is not kept on the device: its code needs the network, like its check.
		const kept = await page.evaluate(async () => {
			const names: string[] = [];
			for (const name of await caches.keys())
				for (const request of await (await caches.open(name)).keys()) names.push(request.url);
			return names;
		});
		expect(kept.some((url) => /\/workers\/sha-/.test(url))).toBe(false);
		expect(kept.length).toBeGreaterThan(10);
	});

	test('offline, a page that only talks to the server (not kept on the device) says it needs a connection', async ({
		page
	}) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		await page.evaluate(() => navigator.serviceWorker.ready);
		await forgetHttpCache(page);
		await page.context().setOffline(true);

		await page.goto('/identifiants-perdus');
		await expect(page.getByRole('heading', { level: 1, name: 'Une erreur est survenue' })).toBeVisible();
		await expect(page.getByText("Cette page a besoin d'une connexion à Internet")).toBeVisible();
		// The public pages are all there meanwhile.
		await page.goto('/connexion');
		await expect(page.getByRole('heading', { level: 1, name: 'Me connecter' })).toBeVisible();
	});
});
