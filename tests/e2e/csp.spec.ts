import type { Page } from '@playwright/test';
import { DEMO, signIn } from './support/citizens.ts';
import { expect, test } from './support/fixtures.ts';

test.use({ demo: true });

/** Every refusal of the page's Content-Security-Policy, as the page and the console report it. */
async function watchPolicy(page: Page): Promise<string[]> {
	const refused: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) refused.push(`${page.url()} ${message.text()}`);
	});
	await page.exposeFunction('__cspRefused', (text: string) => refused.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const report = (window as unknown as { __cspRefused: (text: string) => void }).__cspRefused;
			report(`${location.pathname} ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
		});
	});
	return refused;
}

test('no page of the portal breaks its Content-Security-Policy', async ({ page }) => {
	const refused = await watchPolicy(page);
	const visit = async (path: string, heading: string | RegExp) => {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		// The route announcer is drawn after the page: give it its moment.
		await expect(page.locator('#svelte-announcer')).toHaveCount(1);
	};

	await visit('/', 'Bienvenue sur le portail citoyen');
	await visit('/connexion', 'Me connecter');
	await visit('/identifiants-perdus', 'Mot de passe / identifiant perdu');
	await visit('/creer-mon-compte', "Vous n'avez pas encore de compte ?");
	await visit('/creer-mon-compte/formulaire', 'Création de compte particulier');
	await page.getByText('Je ne suis pas un robot').click();
	await expect(page.locator('altcha-widget [data-state="verified"]')).toBeVisible({ timeout: 30_000 });
	await visit('/accessibilite', "Déclaration d'accessibilité");
	await visit('/mentions-legales', 'Mentions légales');
	await visit('/page-absente', 'Page introuvable');

	await page.goto('/connexion?retour=%2Fprofil');
	await signIn(page, DEMO.identifiant, DEMO.motDePasse);
	await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
	await page
		.getByRole('region', { name: 'Mes adresses' })
		.getByRole('button', { name: /Détails/ })
		.click();
	await page.getByRole('link', { name: 'Agenda' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Agenda de DUPIN Tim' })).toBeVisible();
	await page.getByRole('button', { name: 'Saisie groupée' }).click();
	await expect(page.getByRole('dialog', { name: 'Saisie groupée' })).toBeVisible();
	await visit('/demarches/fiche-enfant', 'Fiche enfant');

	expect(refused).toEqual([]);
});
