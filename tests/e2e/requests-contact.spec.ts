import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { currentStep, outboxSent, signInTo, startDemande } from './support/requests-page.ts';

test.use({ demo: true });

test.describe('Contacter la mairie', () => {
	test('from its page to Mes demandes, with its number', async ({ page }) => {
		await signInTo(page, '/demarches/contacter-la-mairie');
		await expect(page.getByRole('heading', { level: 1, name: 'Contacter la mairie' })).toBeVisible();
		await expectNoAxeViolations(page);

		// The CGU first: the button refuses, the reason beside the box, the keyboard on it.
		await page.getByRole('button', { name: 'Faire une demande en ligne' }).click();
		const cgu = page.getByLabel("J'accepte les conditions générales d'utilisation");
		await expect(cgu).toBeFocused();
		await expect(cgu).toHaveAccessibleDescription(/Cochez la case/);
		await expect(page).toHaveURL(/\/demarches\/contacter-la-mairie$/);

		const id = await startDemande(page);
		await expect(currentStep(page)).toContainText('Votre message');
		await expect(page.getByLabel('Nom')).toHaveValue('DUPIN Pascal');
		await expectNoAxeViolations(page);

		// Suivant checks the step: the first error gets the focus.
		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page.getByLabel('Objet')).toBeFocused();
		await expect(page.getByLabel('Objet')).toHaveAccessibleDescription(/obligatoire/);
		await expectNoAxeViolations(page);

		await page.getByLabel('Objet').fill('Trottoir abîmé rue des Buissons Fleuris');
		await page.getByLabel('Message').fill('Bonjour,\nle trottoir devant le n° 12 est dangereux.');
		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page.getByRole('heading', { name: 'Informations de la demande' })).toBeFocused();
		await expect(page.getByText('Trottoir abîmé rue des Buissons Fleuris')).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
		const done = page.getByRole('status').filter({ hasText: 'a bien été envoyée' });
		await expect(done).toBeVisible({ timeout: 20_000 });
		const number = /n° (\d+)/.exec((await done.textContent()) ?? '')![1]!;
		await outboxSent(page);

		await page.getByRole('link', { name: 'Mes demandes' }).first().click();
		const row = page.getByRole('row').filter({ hasText: number });
		await expect(row).toContainText('Contacter la mairie');
		await expect(row).toContainText('Envoyée');
		await expect(row).toContainText('DUPIN Pascal');
		await expectNoAxeViolations(page);
		await row.getByRole('link', { name: /Consulter/ }).click();
		await expect(page).toHaveURL(new RegExp(`/demandes/${id}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Contacter la mairie n° ${number}`);
		await expect(page.getByRole('region', { name: 'Historique' })).toContainText('Envoyée');
		await expectNoAxeViolations(page);
	});
});
