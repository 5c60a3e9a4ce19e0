import { expect, test } from './support/fixtures.ts';
import { outboxSent, signInTo, startDemande } from './support/requests-page.ts';
import { tabTo } from './support/keyboard.ts';

test.use({ demo: true });

test('Contacter la mairie with the keyboard alone, the focus somewhere sensible after each action', async ({
	page
}) => {
	await signInTo(page, '/demarches/contacter-la-mairie');
	await tabTo(page, page.getByRole('button', { name: 'Faire une demande en ligne' }));
	await page.keyboard.press('Enter');
	const cgu = page.getByLabel("J'accepte les conditions générales d'utilisation");
	await expect(cgu).toBeFocused();
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Faire une demande en ligne' }));
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/formulaire$/);
	await expect(page.getByRole('heading', { level: 2, name: 'Votre message' })).toBeFocused();

	await tabTo(page, page.getByRole('button', { name: 'Suivant' }));
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Objet')).toBeFocused();
	await page.keyboard.type('Éclairage public en panne');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Message')).toBeFocused();
	await page.keyboard.type('Le lampadaire du parking de l’école ne s’allume plus.');
	await tabTo(page, page.getByRole('button', { name: 'Suivant' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Informations de la demande' })).toBeFocused();

	// Back to the step, and forward again, by the keyboard.
	await tabTo(page, page.getByRole('button', { name: 'Modifier les informations' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 2, name: 'Votre message' })).toBeFocused();
	await expect(page.getByLabel('Objet')).toHaveValue('Éclairage public en panne');
	await tabTo(page, page.getByRole('button', { name: 'Suivant' }));
	await page.keyboard.press('Enter');

	await tabTo(page, page.getByRole('button', { name: 'Enregistrer la demande' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Demande enregistrée' })).toBeFocused({ timeout: 20_000 });
	await tabTo(page, page.getByRole('link', { name: 'Consulter la demande' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Contacter la mairie n°');
});

test('the pages read on a phone and a computer (screenshots, no sideways scrolling)', async ({
	page
}, testInfo) => {
	const shoot = async (name: string) => {
		for (const width of [360, 1366]) {
			await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, `${name} à ${width} px`).toBeLessThanOrEqual(0);
			await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
		}
	};
	await signInTo(page, '/demarches/contacter-la-mairie');
	await shoot('demarche');
	await startDemande(page);
	await page.getByRole('button', { name: 'Suivant' }).click();
	await shoot('etape-erreurs');
	await page.getByLabel('Objet').fill('Trottoir abîmé');
	await page.getByLabel('Message').fill('Bonjour,\nle trottoir est abîmé devant l’école.');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await shoot('recapitulatif');
	await page.getByRole('button', { name: 'Annuler la demande' }).click();
	await shoot('dialogue-annuler');
	await page.getByRole('button', { name: 'Non, revenir' }).click();
	await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
	await expect(page.getByRole('heading', { name: 'Demande enregistrée' })).toBeVisible({ timeout: 20_000 });
	await shoot('envoyee');
	await outboxSent(page);
	await page.getByRole('link', { name: 'Consulter la demande' }).click();
	await expect(page.getByRole('region', { name: 'Historique' })).toBeVisible();
	await shoot('detail');
	await page.goto('/demarches/contacter-la-mairie');
	await startDemande(page);
	await page.getByLabel('Objet').fill('Un brouillon');
	await page.goto('/demandes');
	await expect(page.getByRole('heading', { name: 'En cours' })).toBeVisible();
	await shoot('mes-demandes');
});
