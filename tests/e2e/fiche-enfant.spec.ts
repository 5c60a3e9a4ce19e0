import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import {
	currentStep,
	demandeRow,
	fillNewChild,
	outboxSent,
	signInTo,
	startDemande
} from './support/requests-page.ts';

test.use({ demo: true });

/** A small real PDF, made here: the server checks an upload by its first bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');

/** Each step as a parent sees it, on a phone and on a computer (read while building the steps). */
async function screenshots(page: Page, name: string) {
	for (const width of [360, 1366]) {
		await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
		await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
		// Nothing wider than the phone: no sideways scrolling.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
	}
}

async function next(page: Page, step: string) {
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(currentStep(page)).toContainText(step);
	await expect(page.getByRole('heading', { level: 2, name: step })).toBeFocused();
}

test('the fiche enfant, its seven steps and dialogs, a justificatif sent, found in Mes demandes', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signInTo(page, '/demarches/fiche-enfant');
	await startDemande(page);

	// 1. Responsable du dossier: the signed-in parent and their address prefilled.
	await expect(currentStep(page)).toContainText('Responsable du dossier');
	await expect(page.getByLabel('Responsable légal').locator('option:checked')).toHaveText('DUPIN Pascal');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByLabel('Situation familiale')).toBeFocused();
	await expect(page.getByLabel('Situation familiale')).toHaveAccessibleDescription(/situation familiale/);
	await expectNoAxeViolations(page);
	await page.getByLabel('Situation familiale').selectOption({ label: 'Marié(e)' });

	// "+": the manual's "Ajouter une adresse"; Escape closes it, the keyboard back on "+".
	const plusAddress = page.getByRole('button', { name: 'Ajouter une adresse' });
	await plusAddress.click();
	const addressDialog = page.getByRole('dialog', { name: 'Ajouter une adresse' });
	await expect(addressDialog.getByLabel("Nom de l'adresse")).toBeFocused();
	await expectNoAxeViolations(page);
	await page.keyboard.press('Escape');
	await expect(addressDialog).toBeHidden();
	await expect(plusAddress).toBeFocused();
	await plusAddress.click();
	await addressDialog.getByRole('button', { name: 'Ajouter cette adresse' }).click();
	await expect(addressDialog.getByLabel("Nom de l'adresse")).toBeFocused();
	await expect(addressDialog.getByLabel("Nom de l'adresse")).toHaveAccessibleDescription(/obligatoire/);
	await expect(currentStep(page)).toContainText('Responsable du dossier');
	await expectNoAxeViolations(page);
	await addressDialog.getByLabel("Nom de l'adresse").fill('Maison neuve');
	await addressDialog.getByLabel('Ville').fill('BOULOGNE-SUR-MER');
	await addressDialog.getByLabel('Code postal').fill('62200');
	await addressDialog.getByLabel('Numéro de voie').fill('4');
	await addressDialog.getByLabel('Type et nom de la voie').fill('Rue de la Paix');
	await addressDialog.getByRole('button', { name: 'Ajouter cette adresse' }).click();
	await expect(addressDialog).toBeHidden();
	await expect(plusAddress).toBeFocused();
	await expect(
		page.getByRole('combobox', { name: 'Adresse', exact: true }).locator('option:checked')
	).toHaveText(/4 Rue de la Paix, 62200 BOULOGNE-SUR-MER \(nouvelle adresse\)/);
	await screenshots(page, '1-responsable');
	await next(page, 'Conjoint');

	// 2. Conjoint: none.
	await expectNoAxeViolations(page);
	await page
		.getByRole('group', { name: /ajouter un conjoint/ })
		.getByLabel('Oui')
		.check();
	await expect(page.getByLabel('Nom de naissance')).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshots(page, '2-conjoint');
	await page
		.getByRole('group', { name: /ajouter un conjoint/ })
		.getByLabel('Non')
		.check();
	await next(page, 'Enfant');

	// 3. Enfant: a new one, with "Ajouter un enfant".
	await expect(page.getByText('Aucune inscription scolaire pour cet usager')).toBeVisible();
	await expect(page.getByText(/ne concerne qu'un seul enfant/)).toBeVisible();
	const plusChild = page.getByRole('button', { name: 'Ajouter un enfant' });
	await plusChild.click();
	const childDialog = page.getByRole('dialog', { name: 'Ajouter un enfant' });
	await childDialog.getByRole('button', { name: 'Ajouter cet enfant' }).click();
	await expect(childDialog.getByText('Choisissez Garçon ou Fille.')).toBeVisible();
	await expectNoAxeViolations(page);
	await fillNewChild(childDialog, { sexe: 'Fille', prenom: 'Léa', jour: '14', mois: '3', annee: '2019' });
	await childDialog.getByRole('button', { name: 'Fermer', exact: true }).click();
	await expect(plusChild).toBeFocused();
	await expect(
		page.getByRole('combobox', { name: 'Enfant', exact: true }).locator('option:checked')
	).not.toHaveText(/Léa/);
	// Closed without adding: opened again, it starts afresh.
	await plusChild.click();
	await expect(childDialog.getByLabel('Nom de naissance')).toHaveValue('');
	await fillNewChild(childDialog, { sexe: 'Fille', prenom: 'Léa', jour: '14', mois: '3', annee: '2019' });
	await childDialog.getByRole('button', { name: 'Ajouter cet enfant' }).click();
	await expect(childDialog).toBeHidden();
	await expect(plusChild).toBeFocused();
	await expect(
		page.getByRole('combobox', { name: 'Enfant', exact: true }).locator('option:checked')
	).toHaveText(/DUPIN Léa \(nouvel enfant\)/);
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByLabel('Restauration scolaire')).toBeFocused();
	await page.getByLabel('Restauration scolaire').check();
	await page.getByRole('group', { name: /PAI/ }).getByLabel('Non').check();
	await page.getByLabel('Établissement').selectOption({ index: 2 });
	await page.getByLabel('Niveau').selectOption('PS');
	await expectNoAxeViolations(page);
	await screenshots(page, '3-enfant');
	await next(page, 'Autorisation globale');

	// 4. Autorisation globale: each answered.
	for (const [name, answer] of [
		[/Droit à l’image/, 'Oui'],
		[/Soins d’urgence/, 'Oui'],
		[/Sortie seul/, 'Non'],
		[/Sorties :/, 'Oui']
	] as const)
		await page.getByRole('group', { name }).getByLabel(answer).check();
	await expectNoAxeViolations(page);
	await screenshots(page, '4-autorisations');
	await next(page, 'Autres personnes à contacter et/ou autorisées à venir chercher l’enfant');

	// 5. Autres personnes: one added, then changed; the keyboard back where it was.
	const add = page.getByRole('button', { name: 'Ajouter une personne' });
	await add.click();
	const personDialog = page.getByRole('dialog', { name: 'Ajouter une personne' });
	await personDialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Durand');
	await personDialog.getByLabel('Prénom').fill('Odette');
	await personDialog.getByLabel("Lien avec l'enfant").fill('Grand-mère');
	await personDialog.getByLabel('Téléphone').fill('06 12 34 56 78');
	await personDialog.getByRole('button', { name: 'Ajouter cette personne' }).click();
	await expect(personDialog.getByText(/Cochez au moins un rôle/)).toBeVisible();
	await expectNoAxeViolations(page);
	await personDialog.getByLabel('Autorisée à venir chercher l’enfant'.replace('’', "'")).check();
	await personDialog.getByRole('button', { name: 'Ajouter cette personne' }).click();
	await expect(personDialog).toBeHidden();
	await expect(add).toBeFocused();
	await expect(page.getByRole('listitem').filter({ hasText: 'DURAND Odette' })).toContainText(
		'06.12.34.56.78'
	);
	await page.getByRole('button', { name: 'Modifier DURAND Odette' }).click();
	const editDialog = page.getByRole('dialog', { name: 'Modifier une personne' });
	await expect(editDialog.getByRole('textbox', { name: 'Nom', exact: true })).toHaveValue('Durand');
	await editDialog.getByLabel("À contacter en cas d'urgence").check();
	await editDialog.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(page.getByRole('button', { name: 'Modifier DURAND Odette' })).toBeFocused();
	await expect(page.getByRole('listitem').filter({ hasText: 'DURAND Odette' })).toContainText(
		'à contacter en cas d’urgence'
	);
	await expectNoAxeViolations(page);
	await screenshots(page, '5-autres-personnes');
	await next(page, 'Justificatifs');

	// 6. Justificatifs: the attestation CAF sent from here, the others later.
	const caf = page.getByRole('group', { name: 'Attestation CAF' });
	await caf.getByLabel('Envoyer un fichier').check();
	const input = caf.getByLabel('Choisir un fichier');
	await input.setInputFiles({ name: 'animation.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
	await expect(input).toHaveAccessibleDescription(/ni un PDF/);
	await input.setInputFiles({ name: 'attestation-caf.pdf', mimeType: 'application/pdf', buffer: PDF });
	await expect(caf).toContainText(/attestation-caf\.pdf \(1 ko\) — Envoyé/);
	await outboxSent(page);
	await expectNoAxeViolations(page);
	await screenshots(page, '6-justificatifs');
	await next(page, 'Signature');

	// 7. Signature, then the recap and the sending.
	await expect(page.getByLabel('Nom du signataire')).toHaveValue('DUPIN Pascal');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByLabel(/J'atteste sur l'honneur/)).toBeFocused();
	await expectNoAxeViolations(page);
	await page.getByLabel(/J'atteste sur l'honneur/).check();
	await screenshots(page, '7-signature');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByRole('heading', { name: 'Informations de la demande' })).toBeFocused();
	await expect(page.getByText('DUPIN Léa (nouvel enfant)')).toBeVisible();
	await expect(page.getByText('Fichier envoyé')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
	const done = page.getByRole('status').filter({ hasText: 'a bien été envoyée' });
	await expect(done).toBeVisible({ timeout: 20_000 });
	const number = /n° (\d+)/.exec((await done.textContent()) ?? '')![1]!;
	await outboxSent(page);

	await page.getByRole('link', { name: 'Mes demandes' }).first().click();
	const row = demandeRow(page, number);
	await expect(row).toContainText('Fiche enfant');
	await expect(row).toContainText('DUPIN Léa');
	await expect(row).toContainText('Envoyée');
});
