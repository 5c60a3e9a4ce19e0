import { DEMO, humanClick, requestAccount, signIn } from './support/citizens.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';

test.describe('errors beside the fields', () => {
	test.use({ demo: true });

	test('activation: after "identifiant déjà utilisé", a free one clears the error and one click on Valider is enough', async ({
		page,
		request,
		mailServer,
		baseURL
	}) => {
		await page.goto(await requestAccount(request, mailServer, baseURL ?? ''));
		const username = page.getByLabel('Votre identifiant de connexion');
		await expect(username).toHaveValue('claire.martin');
		await username.fill(DEMO.identifiant);
		await page.getByLabel(/^Mot de passe/).fill('Hesdigneul62');
		await page.getByLabel('Répéter votre mot de passe').fill('Hesdigneul62');
		await page.getByRole('button', { name: 'Valider et accéder à votre compte' }).click();
		await expect(page.locator('#identifiant-erreur')).toContainText('Cet identifiant est déjà utilisé');
		// Said once, beside the field: no banner repeating it.
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(username).toHaveAttribute('aria-invalid', 'true');
		await expect(username).toBeFocused();

		// Typing a free one: the refusal no longer applies, so it goes at once, before leaving the field.
		await username.fill('claire.m');
		await expect(page.locator('#identifiant-erreur')).toHaveCount(0);
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(username).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText('Cet identifiant est disponible.')).toBeVisible();
		await expect(page.getByText('déjà utilisé')).toHaveCount(0);
		await expectNoAxeViolations(page);

		// Typed and clicked straight away, as a hand does (press, pause, release).
		await username.fill('claire.mar');
		await humanClick(page, page.getByRole('button', { name: 'Valider et accéder à votre compte' }));
		await expect(page.getByRole('banner').getByText('Bonjour Claire MARTIN')).toBeVisible();
	});

	test('sign-in: an empty form flags both fields at once; each error goes when its field is typed in', async ({
		page
	}) => {
		await page.goto('/connexion');
		await page.getByRole('button', { name: 'Me connecter' }).click();
		const identifiant = page.getByLabel('Identifiant ou courriel');
		const password = page.getByLabel(/^Mot de passe/);
		await expect(identifiant).toHaveAttribute('aria-invalid', 'true');
		await expect(password).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#identifiant-erreur')).toContainText('Ce champ est obligatoire.');
		await expect(page.locator('#mot-de-passe-erreur')).toContainText('Ce champ est obligatoire.');
		await expect(identifiant).toBeFocused();

		await page.keyboard.type(DEMO.identifiant);
		await expect(page.locator('#identifiant-erreur')).toHaveCount(0);
		await expect(page.locator('#mot-de-passe-erreur')).toContainText('Ce champ est obligatoire.');

		// A refusal of the server: one message, which goes once the password is typed again.
		await password.fill('mauvais');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
		await expect(page.locator('#mot-de-passe-erreur')).toHaveCount(0);
		await password.fill(DEMO.motDePasse);
		await expect(page.getByRole('alert')).toHaveCount(0);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('banner').getByText('Bonjour Pascal DUPIN')).toBeVisible();
	});

	test('profile: a refused phone number is cleared from the error as soon as it is corrected', async ({
		page
	}) => {
		await page.goto('/connexion?retour=%2Fprofil');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		const contact = page.getByRole('region', { name: 'Mes informations de contact' });
		await contact.getByRole('button', { name: /Détails/ }).click();
		await contact.getByLabel('Téléphone fixe').fill('03 21 00 00');
		await contact.getByRole('button', { name: 'Enregistrer les téléphones' }).click();
		await expect(contact.locator('#telephone-fixe-erreur')).toContainText('Numéro invalide');
		await contact.getByLabel('Téléphone fixe').press('End');
		await page.keyboard.type(' 00');
		await expect(contact.locator('#telephone-fixe-erreur')).toHaveCount(0);
	});
});
