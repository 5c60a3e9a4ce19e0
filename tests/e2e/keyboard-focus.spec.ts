import type { Page } from '@playwright/test';
import { DEMO, requestAccount } from './support/citizens.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { tabTo } from './support/keyboard.ts';

test.use({ demo: true });

/** Replaces what the focused field holds, by the keyboard. */
async function retype(page: Page, text: string): Promise<void> {
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await page.keyboard.type(text);
}

/**
 * A phone's slow network: every change sent waits 400 ms before it reaches the server, so the page
 * is seen while busy (a focused button made `disabled` then throws the focus to the page's start).
 */
test.beforeEach(async ({ page }) => {
	await page.route('**/api/**', async (route) => {
		if (route.request().method() !== 'GET') await new Promise((done) => setTimeout(done, 400));
		await route.continue();
	});
});

const focusIsNotLost = (page: Page) =>
	expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');

async function signInByKeyboard(page: Page, motDePasse = DEMO.motDePasse) {
	await tabTo(page, page.getByLabel('Identifiant ou courriel'));
	await retype(page, DEMO.identifiant);
	await page.keyboard.press('Tab');
	await retype(page, motDePasse);
	await tabTo(page, page.getByRole('button', { name: 'Me connecter' }));
	await page.keyboard.press('Enter');
}

test.describe('Mon profil with the keyboard alone: focus lands where the next step is', () => {
	test('phones, social data and e-mail: the first field to fix after a refusal, the message after a save', async ({
		page
	}) => {
		await page.goto('/connexion?retour=%2Fprofil');
		await signInByKeyboard(page);
		await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();

		const contact = page.getByRole('region', { name: 'Mes informations de contact' });
		await tabTo(page, contact.getByRole('button', { name: /Détails/ }));
		await page.keyboard.press('Enter');
		await tabTo(page, contact.getByLabel('Téléphone fixe'));
		await retype(page, '03 21 00');
		await tabTo(page, contact.getByRole('button', { name: 'Enregistrer les téléphones' }));
		await page.keyboard.press('Enter');
		await expect(contact.locator('#telephone-fixe-erreur')).toContainText('Numéro invalide');
		await expect(contact.getByLabel('Téléphone fixe')).toBeFocused();
		await retype(page, '03 21 12 34 56');
		await tabTo(page, contact.getByRole('button', { name: 'Enregistrer les téléphones' }));
		await page.keyboard.press('Enter');
		const phonesSaved = contact.getByRole('status');
		await expect(phonesSaved).toHaveText('Vos téléphones ont été enregistrés.');
		await expect(phonesSaved).toBeFocused();
		await expect(contact).toContainText('03.21.12.34.56');
		await page.keyboard.press('Tab');
		await expect(contact.getByRole('button', { name: /Détails/ })).toBeFocused();

		const social = page.getByRole('region', { name: 'Mes données sociales' });
		await tabTo(page, social.getByRole('button', { name: /Détails/ }), { back: true });
		await page.keyboard.press('Enter');
		await tabTo(page, social.getByLabel('Revenu fiscal de référence (€)'));
		await retype(page, '28 500,50');
		await tabTo(page, social.getByRole('button', { name: 'Enregistrer les données sociales' }));
		await page.keyboard.press('Enter');
		const socialSaved = social.getByRole('status');
		await expect(socialSaved).toHaveText('Vos données sociales ont été enregistrées.');
		await expect(socialSaved).toBeFocused();
		await expect(social.locator('dt', { hasText: 'Revenu fiscal' }).locator('+ dd')).toHaveText(
			'28\u202f500,50 €'
		);
		// Reopened: the amount as it was typed, not as a computer writes it ("28500,5").
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect(social.getByLabel('Revenu fiscal de référence (€)')).toHaveValue('28 500,50');
		await page.keyboard.press('Enter');

		const email = page.getByRole('region', { name: 'Courriel' });
		await tabTo(page, email.getByRole('button', { name: /Détails/ }));
		await page.keyboard.press('Enter');
		await tabTo(page, email.getByLabel('Nouvelle adresse électronique'));
		// Refused by the server: said once, beside the field, with the keyboard on it.
		await retype(page, 'pascal.dupin@example.com');
		await tabTo(page, email.getByRole('button', { name: "Changer d'adresse" }));
		await page.keyboard.press('Enter');
		await expect(email.locator('#nouveau-courriel-erreur')).toContainText(
			'C’est déjà votre adresse actuelle.'
		);
		await expect(email.getByLabel('Nouvelle adresse électronique')).toBeFocused();
		await expect(page.getByRole('alert')).toHaveCount(0);
		await retype(page, 'pascal.nouveau@example.org');
		await tabTo(page, email.getByRole('button', { name: "Changer d'adresse" }));
		await page.keyboard.press('Enter');
		const pending = email.getByRole('status');
		await expect(pending).toContainText('Un lien de confirmation a été envoyé à pascal.nouveau@example.org');
		await expect(pending).toBeFocused();
		await expectNoAxeViolations(page);
	});

	test('addresses: a form that opens takes the focus, a save says so, Fermer and Supprimer leave it in the section', async ({
		page
	}) => {
		page.on('dialog', (dialog) => void dialog.accept());
		await page.goto('/connexion?retour=%2Fprofil');
		await signInByKeyboard(page);
		const addresses = page.getByRole('region', { name: 'Mes adresses' });
		await tabTo(page, addresses.getByRole('button', { name: /Détails/ }));
		await page.keyboard.press('Enter');

		await tabTo(page, addresses.getByRole('button', { name: '+ Ajouter une adresse' }));
		await page.keyboard.press('Enter');
		await expect(addresses.getByLabel("Nom de l'adresse")).toBeFocused();
		await page.keyboard.type('Chez les grands-parents');
		await tabTo(page, addresses.getByLabel('Ville'));
		await page.keyboard.type('Samer');
		await page.keyboard.press('Tab');
		await page.keyboard.type('62830');
		await tabTo(page, addresses.getByLabel('Type et nom de la voie'));
		await page.keyboard.type('Rue de la Gare');
		await page.keyboard.press('Enter');
		const notice = addresses.getByRole('status');
		await expect(notice).toHaveText("L'adresse « Chez les grands-parents » a été ajoutée.");
		await expect(notice).toBeFocused();
		await expect(addresses).toContainText('62830 SAMER');

		const change = addresses.getByRole('button', { name: 'Modifier Chez les grands-parents' });
		await tabTo(page, change);
		await page.keyboard.press('Enter');
		await expect(addresses.getByLabel("Nom de l'adresse")).toBeFocused();
		await expect(addresses.getByLabel("Nom de l'adresse")).toHaveValue('Chez les grands-parents');
		// Closed without saving: back on the button that opened it.
		await tabTo(page, addresses.getByRole('button', { name: 'Fermer', exact: true }));
		await page.keyboard.press('Enter');
		await expect(change).toBeFocused();
		await page.keyboard.press('Enter');
		await tabTo(page, addresses.getByLabel('Adresse par défaut'));
		await page.keyboard.press('Space');
		await tabTo(page, addresses.getByRole('button', { name: 'Enregistrer cette adresse' }));
		await page.keyboard.press('Enter');
		await expect(notice).toHaveText("L'adresse « Chez les grands-parents » a été enregistrée.");
		await expect(notice).toBeFocused();

		await tabTo(page, addresses.getByRole('button', { name: 'Supprimer Adresse principale' }));
		await page.keyboard.press('Enter');
		await expect(notice).toHaveText("L'adresse « Adresse principale » a été supprimée.");
		await expect(addresses.getByRole('heading', { name: 'Mes adresses' })).toBeFocused();
		await expect(addresses).not.toContainText('Rue des Buissons Fleuris');
		await expectNoAxeViolations(page);
	});
});

test.describe('refusals with the keyboard alone: the focus stays or goes to the field to fix', () => {
	test('sign-in refused, by Enter in the password, on the button or by a click: the focus on the password, emptied', async ({
		page
	}) => {
		await page.goto('/connexion');
		const password = page.getByLabel(/^Mot de passe/);
		const button = page.getByRole('button', { name: 'Me connecter' });
		const refusedOnThePassword = async () => {
			await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
			await expect(password).toBeFocused();
			await expect(password).toHaveValue('');
			// The field is described by the alert: a screen reader says it with the field.
			await expect(password).toHaveAccessibleDescription('Identifiant ou mot de passe incorrect.');
			await focusIsNotLost(page);
		};

		// Enter in the password field.
		await tabTo(page, page.getByLabel('Identifiant ou courriel'));
		await retype(page, DEMO.identifiant);
		await page.keyboard.press('Tab');
		await retype(page, 'mauvais mot de passe');
		await page.keyboard.press('Enter');
		await refusedOnThePassword();
		await expectNoAxeViolations(page);

		// Enter on "Me connecter".
		await page.keyboard.type('encore mauvais');
		await expect(page.getByRole('alert')).toHaveCount(0);
		await tabTo(page, button);
		await page.keyboard.press('Enter');
		await refusedOnThePassword();

		// A click on "Me connecter".
		await password.fill('toujours mauvais');
		await button.click();
		await refusedOnThePassword();

		// The identifiant stays, to be checked; the right password signs in.
		await expect(page.getByLabel('Identifiant ou courriel')).toHaveValue(DEMO.identifiant);
		await page.keyboard.type(DEMO.motDePasse);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('banner').getByText('Bonjour Pascal DUPIN')).toBeVisible();
	});

	test('activation with a username already taken: said beside the field only, the focus on it', async ({
		page,
		request,
		mailServer,
		baseURL
	}) => {
		await page.goto(await requestAccount(request, mailServer, baseURL ?? ''));
		const username = page.getByLabel('Votre identifiant de connexion');
		await expect(username).toHaveValue('claire.martin');
		await tabTo(page, username);
		await retype(page, DEMO.identifiant);
		await tabTo(page, page.getByLabel(/^Mot de passe/));
		await page.keyboard.type('Hesdigneul62');
		await page.keyboard.press('Tab');
		await page.keyboard.type('Hesdigneul62');
		await tabTo(page, page.getByRole('button', { name: 'Valider et accéder à votre compte' }));
		await page.keyboard.press('Enter');
		await expect(page.locator('#identifiant-erreur')).toContainText('Cet identifiant est déjà utilisé');
		await expect(username).toBeFocused();
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(page.getByText('déjà utilisé')).toHaveCount(1);
	});

	test('lost password or username, nothing ticked: the radio buttons carry the error and the first has the focus', async ({
		page
	}) => {
		await page.goto('/identifiants-perdus');
		await tabTo(page, page.getByRole('button', { name: 'Envoyer' }));
		await page.keyboard.press('Enter');
		const group = page.getByRole('radiogroup', { name: /Qu'avez-vous perdu/ });
		await expect(group).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#perdu-erreur')).toContainText('Indiquez ce que vous avez perdu.');
		await expect(page.getByLabel('Mon identifiant')).toBeFocused();
		await expectNoAxeViolations(page);
		await page.keyboard.press('Space');
		await expect(page.locator('#perdu-erreur')).toHaveCount(0);
		await expect(group).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Votre courriel')).toBeVisible();
	});
});
