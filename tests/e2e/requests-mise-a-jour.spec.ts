import type { Page, TestInfo } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { currentStep, demandeRow, outboxSent, signInTo, startDemande } from './support/requests-page.ts';

test.use({ demo: true });

const PAGE = '/demarches/mise-a-jour-informations';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** "Mettre à jour mes informations" opened on one of its three forms. */
async function startForm(page: Page, form: string): Promise<string> {
	await signInTo(page, PAGE);
	await page.getByRole('radio', { name: form }).check();
	return startDemande(page);
}

async function noOverflowAt(page: Page, testInfo: TestInfo, name: string) {
	for (const width of [360, 1366]) {
		await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(0);
		await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
	}
}

/** "Enregistrer la demande" from the recap; resolves to the demande's number, once the server has it. */
async function send(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
	const done = page.getByRole('status').filter({ hasText: 'a bien été envoyée' });
	await expect(done).toBeVisible({ timeout: 20_000 });
	await outboxSent(page);
	return /n° (\d+)/.exec((await done.textContent()) ?? '')![1]!;
}

test('the page offers its three forms and asks which one first', async ({ page }) => {
	await signInTo(page, PAGE);
	await expect(page.getByRole('heading', { level: 1, name: /Mettre à jour mes informations/ })).toBeVisible();
	await expect(page.getByText('En partie en ligne')).toHaveCount(0);
	await expect(page.getByRole('main').getByRole('link', { name: 'Mon profil' })).toBeVisible();
	const choice = page.getByRole('group', { name: 'Quelle demande souhaitez-vous faire ?' });
	for (const form of [
		"Mise à jour des données d'adresse",
		"Mise à jour d'une filiation",
		"Correction de données d'état civil"
	])
		await expect(choice.getByRole('radio', { name: form })).toBeVisible();
	await page.getByLabel("J'accepte les conditions générales d'utilisation").check();
	await page.getByRole('button', { name: 'Faire une demande en ligne' }).click();
	await expect(choice.getByRole('radio').first()).toBeFocused();
	await expect(choice).toContainText('Choisissez la demande à faire.');
	await expectNoAxeViolations(page);
});

test('a change of address with its justificatif de domicile, found in Mes demandes', async ({
	page
}, testInfo) => {
	await startForm(page, "Mise à jour des données d'adresse");
	await expect(currentStep(page)).toContainText('Nouvelle adresse');
	await expect(page.getByLabel("Nom de l'adresse")).toHaveValue('Adresse principale');
	await expect(page.getByLabel('Pays')).toHaveValue('France');
	await expectNoAxeViolations(page);

	// Suivant checks the step: the first field missing gets the focus, its reason beside it.
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByLabel('Ville')).toBeFocused();
	await expect(page.getByLabel('Ville')).toHaveAccessibleDescription(/obligatoire/);
	await page.getByLabel('Ville').fill('Boulogne-sur-Mer');
	await page.getByLabel('Code postal').fill('6220');
	await page.getByLabel('Numéro de voie').fill('4');
	await page.getByLabel('Type et nom de la voie').fill('Rue de la Paix');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByLabel('Code postal')).toBeFocused();
	await expect(page.getByLabel('Code postal')).toHaveAccessibleDescription(/cinq chiffres/);
	await expect(page.getByLabel('Type et nom de la voie')).toHaveValue('Rue de la Paix');
	await page.getByLabel('Code postal').fill('62200');
	await page
		.getByLabel('Adresse remplacée')
		.selectOption({ label: 'Adresse principale : Rue des Buissons Fleuris, 62360 HESDIGNEUL LES BOULOGNE' });
	await expectNoAxeViolations(page);
	await noOverflowAt(page, testInfo, 'maj-adresse');
	await page.getByRole('button', { name: 'Suivant' }).click();

	await expect(currentStep(page)).toContainText('Justificatifs');
	const proof = page.getByRole('group', { name: 'Justificatif de domicile de moins de 3 mois' });
	await proof.getByLabel('Envoyer un fichier').check();
	await proof.getByLabel('Choisir un fichier').setInputFiles({
		name: 'facture-eau.pdf',
		mimeType: 'application/pdf',
		buffer: PDF
	});
	await expect(proof).toContainText(/facture-eau\.pdf \(1 ko\) — Envoyé/);
	await outboxSent(page);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Suivant' }).click();

	await expect(page.getByRole('heading', { name: 'Informations de la demande' })).toBeFocused();
	const recap = page.getByRole('main');
	await expect(recap).toContainText('Adresse principale : 4 Rue de la Paix, 62200 BOULOGNE-SUR-MER');
	await expect(recap).toContainText('Rue des Buissons Fleuris');
	await expect(recap).toContainText('Fichier envoyé');
	await expectNoAxeViolations(page);
	const number = await send(page);

	await page.getByRole('link', { name: 'Mes demandes' }).first().click();
	const row = demandeRow(page, number);
	await expect(row).toContainText("Mise à jour des données d'adresse");
	await expect(row).toContainText('Envoyée');
	await row.getByRole('link', { name: /Consulter/ }).click();
	await expect(page.getByRole('region', { name: 'Justificatifs' })).toContainText(
		'Justificatif de domicile de moins de 3 mois'
	);
});

test('a filiation with a parent added in its dialog, the child as the person concerned', async ({
	page
}, testInfo) => {
	await startForm(page, "Mise à jour d'une filiation");
	await expect(currentStep(page)).toContainText('Filiation');
	await page.getByRole('combobox', { name: 'Enfant', exact: true }).selectOption({ label: 'DUPIN Tim' });

	// "+" opens "Ajouter un adulte"; its own check keeps the page's step where it is.
	const plus = page.getByRole('button', { name: 'Ajouter un adulte' });
	await plus.click();
	const dialog = page.getByRole('dialog', { name: 'Ajouter un adulte' });
	await expect(dialog.getByRole('radio', { name: 'Monsieur' })).toBeFocused();
	await dialog.getByRole('button', { name: 'Ajouter cet adulte' }).click();
	await expect(dialog.getByRole('radio', { name: 'Monsieur' })).toBeFocused();
	await expect(dialog).toContainText('Choisissez Monsieur ou Madame.');
	await expectNoAxeViolations(page);
	await dialog.getByRole('radio', { name: 'Madame' }).check();
	await dialog.getByLabel('Nom de naissance').fill('Martin');
	await dialog.getByLabel('Prénom').fill('Sophie');
	await dialog.getByRole('button', { name: 'Ajouter cet adulte' }).click();
	await expect(dialog).toBeHidden();
	await expect(plus).toBeFocused();
	await expect(page.getByRole('combobox', { name: 'Adulte', exact: true })).toHaveValue('nouvel-adulte');
	await expect(
		page.getByRole('combobox', { name: 'Adulte', exact: true }).locator('option:checked')
	).toHaveText('MARTIN Sophie (nouvel adulte)');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByLabel("Lien avec l'enfant")).toBeFocused();
	await page.getByLabel("Lien avec l'enfant").selectOption({ label: 'Mère' });
	await expectNoAxeViolations(page);
	await noOverflowAt(page, testInfo, 'maj-filiation');
	await page.getByRole('button', { name: 'Suivant' }).click();

	// The livret de famille later: the demande can still be sent.
	await expect(currentStep(page)).toContainText('Justificatifs');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByRole('heading', { name: 'Informations de la demande' })).toBeFocused();
	await expect(page.getByRole('main')).toContainText('MARTIN Sophie (nouvel adulte)');
	await expect(page.getByRole('main')).toContainText('Mère');
	const number = await send(page);

	await page.getByRole('link', { name: 'Mes demandes' }).first().click();
	const row = demandeRow(page, number);
	await expect(row).toContainText("Mise à jour d'une filiation");
	await expect(row).toContainText('DUPIN Tim');
});

test('a correction of civil data asks for one field at least, then keeps only those typed', async ({
	page
}, testInfo) => {
	await startForm(page, "Correction de données d'état civil");
	await expect(currentStep(page)).toContainText('Données à corriger');
	await page.getByLabel('Personne concernée').selectOption({ label: 'DUPIN Tim' });
	await page.getByLabel('Motif de la correction').fill('Son deuxième prénom manque.');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByLabel('Civilité')).toBeFocused();
	await expect(page.getByRole('group', { name: 'Données corrigées' })).toHaveAccessibleDescription(
		/Indiquez au moins une donnée à corriger/
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('2ème prénom').fill('Louis');
	await page.getByLabel('N° département de naissance').fill('999');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByLabel('N° département de naissance')).toBeFocused();
	await expect(page.getByLabel('N° département de naissance')).toHaveAccessibleDescription(
		/invalide|caractères/
	);
	await page.getByLabel('N° département de naissance').fill('');
	await expect(page.getByLabel('2ème prénom')).toHaveValue('Louis');
	await noOverflowAt(page, testInfo, 'maj-etat-civil');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(currentStep(page)).toContainText('Justificatifs');
	await page.getByRole('button', { name: 'Suivant' }).click();

	const recap = page.getByRole('main');
	await expect(recap).toContainText('2ème prénom');
	await expect(recap).toContainText('Louis');
	await expect(recap).not.toContainText('Nom de naissance');
	await expectNoAxeViolations(page);
	const number = await send(page);
	await page.getByRole('link', { name: 'Mes demandes' }).first().click();
	await expect(demandeRow(page, number)).toContainText("Correction de données d'état civil");
});

test('a filiation with the keyboard alone: the dialog opens, adds and gives the focus back', async ({
	page
}) => {
	await startForm(page, "Mise à jour d'une filiation");
	const child = page.getByRole('combobox', { name: 'Enfant', exact: true });
	await child.focus();
	await page.keyboard.press('ArrowDown');
	await expect(child.locator('option:checked')).toHaveText('DUPIN Tim');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	const plus = page.getByRole('button', { name: 'Ajouter un adulte' });
	await expect(plus).toBeFocused();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Ajouter un adulte' });
	await expect(dialog.getByRole('radio', { name: 'Monsieur' })).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(dialog.getByRole('radio', { name: 'Madame' })).toBeChecked();
	await page.keyboard.press('Tab');
	await page.keyboard.type('Martin');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Sophie');
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(plus).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('combobox', { name: "Lien avec l'enfant" })).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(
		page.getByRole('combobox', { name: "Lien avec l'enfant" }).locator('option:checked')
	).toHaveText('Mère');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Suivant' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(currentStep(page)).toContainText('Justificatifs');
	await expect(page.getByRole('heading', { level: 2, name: 'Justificatifs' })).toBeFocused();
});
