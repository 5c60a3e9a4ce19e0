import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { DEMO, signIn } from './support/citizens.ts';

const AGENT = { identifiant: 'agent.mairie', motDePasse: 'Hesdigneul62' };

test.describe('the town hall writes to a family from Familles; the family reads it in Échanges', () => {
	test.use({ demo: true });

	test('the agent lands in the back office, finds the DUPIN family and writes; Pascal sees it unread, then read', async ({
		browser,
		page,
		baseURL
	}, testInfo) => {
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto('/connexion');
		await expect(page.getByText('agent.mairie')).toBeVisible();
		await signIn(page, AGENT.identifiant, AGENT.motDePasse);
		await expect(page).toHaveURL(/\/admin$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.screenshot({ path: testInfo.outputPath('tableau-de-bord-1366.png'), fullPage: true });

		await page
			.getByRole('navigation', { name: 'Back office' })
			.getByRole('link', { name: 'Familles' })
			.click();
		await page.getByLabel('Rechercher une famille').fill('dupîn');
		await page.getByRole('button', { name: 'Rechercher' }).click();
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: /DUPIN Pascal/ }).click();
		await expect(page.getByRole('heading', { level: 1, name: /Famille DUPIN/ })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Membres du foyer' })).toBeVisible();
		await expectNoAxeViolations(page);

		// A demande of the family opens its detail.
		await page.getByRole('link', { name: 'n° 1', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Demande n° 1 : Fiche enfant' })).toBeVisible();
		await expect(page.locator('dl.facts')).toContainText('Clos');
		await expect(page.getByRole('region', { name: 'Historique' })).toContainText(
			'Inscription de Tim enregistrée.'
		);
		await expectNoAxeViolations(page);
		await page.screenshot({ path: testInfo.outputPath('demande-1-1366.png'), fullPage: true });
		await page.goBack();
		await page
			.getByRole('navigation', { name: 'Back office' })
			.getByRole('link', { name: 'Demandes' })
			.click();
		await page.getByLabel(/Rechercher/).fill('1');
		await page.getByRole('button', { name: 'Rechercher' }).click();
		await expect(page.getByRole('row', { name: /n° 1 .*Fiche enfant.*Clos/ })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.screenshot({ path: testInfo.outputPath('demandes-1366.png'), fullPage: true });
		await page
			.getByRole('row', { name: /n° 1 .*Fiche enfant.*Clos/ })
			.getByRole('link', { name: /DUPIN Pascal/ })
			.click();
		await expect(page.getByRole('heading', { level: 1, name: /Famille DUPIN/ })).toBeVisible();

		// Bad input first: said beside the fields, nothing sent.
		await page.getByRole('button', { name: 'Envoyer' }).click();
		await expect(page.getByRole('textbox', { name: 'Sujet', exact: true })).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		await page.getByRole('textbox', { name: 'Sujet', exact: true }).fill('Information');
		await page
			.getByRole('textbox', { name: 'Message', exact: true })
			.fill('La cantine est fermée le vendredi 18 décembre.');
		await page.getByRole('button', { name: 'Envoyer' }).dblclick();
		await expect(page.getByRole('status').filter({ hasText: /envoyé/i })).toBeVisible();
		await page.setViewportSize({ width: 1024, height: 800 });
		await page.screenshot({ path: testInfo.outputPath('famille-1024.png'), fullPage: true });

		// The family, on its phone.
		const phone = await browser.newContext({ baseURL, viewport: { width: 360, height: 800 } });
		const parent = await phone.newPage();
		await parent.goto('/connexion?retour=%2Fagenda');
		await signIn(parent, DEMO.identifiant, DEMO.motDePasse);
		const unread = parent.getByRole('link', { name: 'Échanges, 1 non lu' });
		await expect(unread).toBeVisible();
		await unread.click();
		await parent.getByRole('link', { name: /Lire : Information/ }).click();
		await expect(parent.getByText('La cantine est fermée le vendredi 18 décembre.')).toBeVisible();
		await expect(parent.getByRole('link', { name: 'Échanges', exact: true })).toBeVisible();
		await phone.close();
	});
});
