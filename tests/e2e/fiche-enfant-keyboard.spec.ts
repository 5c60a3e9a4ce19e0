import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { currentStep, signInTo, startDemande } from './support/requests-page.ts';
import { tabTo } from './support/keyboard.ts';

test.use({ demo: true });

async function nextStep(page: Page, step: string) {
	await tabTo(page, page.getByRole('button', { name: 'Suivant' }));
	await page.keyboard.press('Enter');
	await expect(currentStep(page)).toContainText(step);
	await expect(page.getByRole('heading', { level: 2, name: step })).toBeFocused();
}

test('the fiche enfant’s seven steps with the keyboard alone', async ({ page }) => {
	test.setTimeout(120_000);
	await signInTo(page, '/demarches/fiche-enfant');
	await startDemande(page);
	await expect(page.getByRole('heading', { level: 2, name: 'Responsable du dossier' })).toBeFocused();

	// Responsable du dossier: a list chosen with the arrows; the "+" dialog closed by Escape.
	await tabTo(page, page.getByLabel('Situation familiale'));
	await page.keyboard.press('ArrowDown');
	await expect(page.getByLabel('Situation familiale')).toHaveValue('celibataire');
	const plusAddress = page.getByRole('button', { name: 'Ajouter une adresse' });
	await tabTo(page, plusAddress);
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('dialog', { name: 'Ajouter une adresse' }).getByLabel("Nom de l'adresse")
	).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(plusAddress).toBeFocused();
	await nextStep(page, 'Conjoint');

	// Conjoint: a radio group answered with the arrows.
	const conjoint = page.getByRole('group', { name: /ajouter un conjoint/ });
	await tabTo(page, conjoint.getByLabel('Oui'));
	await page.keyboard.press('ArrowRight');
	await expect(conjoint.getByLabel('Non')).toBeChecked();
	await nextStep(page, 'Enfant');

	// Enfant: "Ajouter un enfant" filled and sent with Enter from a field: only the dialog's form is sent.
	const plusChild = page.getByRole('button', { name: 'Ajouter un enfant' });
	await tabTo(page, plusChild);
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Ajouter un enfant' });
	await expect(dialog.getByLabel('Garçon')).toBeFocused();
	await page.keyboard.press('Space');
	for (const [label, text] of [
		['Nom de naissance', 'Dupin'],
		['Prénom', 'Noé'],
		['Jour', '2'],
		['Mois', '9'],
		['Année', '2020'],
		['Commune de naissance', 'Boulogne-sur-Mer'],
		['Numéro du département de naissance', '62']
	] as const) {
		await tabTo(page, dialog.getByRole('textbox', { name: label, exact: true }));
		await page.keyboard.type(text);
	}
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(plusChild).toBeFocused();
	await expect(currentStep(page)).toContainText('Enfant');
	await expect(
		page.getByRole('combobox', { name: 'Enfant', exact: true }).locator('option:checked')
	).toHaveText(/DUPIN Noé \(nouvel enfant\)/);
	await tabTo(page, page.getByLabel('Garderie'));
	await page.keyboard.press('Space');
	const pai = page.getByRole('group', { name: /PAI/ });
	await tabTo(page, pai.getByLabel('Oui'));
	await page.keyboard.press('Space');
	await nextStep(page, 'Autorisation globale');

	for (const name of [/Droit à l’image/, /Soins d’urgence/, /Sortie seul/, /Sorties :/]) {
		await tabTo(page, page.getByRole('group', { name }).getByLabel('Oui'));
		await page.keyboard.press('Space');
	}
	await nextStep(page, 'Autres personnes à contacter et/ou autorisées à venir chercher l’enfant');

	// A person added and removed: the keyboard stays on the list's button.
	const add = page.getByRole('button', { name: 'Ajouter une personne' });
	await tabTo(page, add);
	await page.keyboard.press('Enter');
	const person = page.getByRole('dialog', { name: 'Ajouter une personne' });
	await expect(person.getByRole('textbox', { name: 'Nom', exact: true })).toBeFocused();
	for (const text of ['Durand', 'Odette', 'Voisine', '0612345678']) {
		await page.keyboard.type(text);
		await page.keyboard.press('Tab');
	}
	await page.keyboard.press('Space');
	await tabTo(page, person.getByRole('button', { name: 'Ajouter cette personne' }));
	await page.keyboard.press('Enter');
	await expect(person).toBeHidden();
	await expect(add).toBeFocused();
	await tabTo(page, page.getByRole('button', { name: 'Retirer DURAND Odette' }));
	await page.keyboard.press('Enter');
	await expect(add).toBeFocused();
	await expect(page.getByText('Aucune personne pour le moment.')).toBeVisible();
	await nextStep(page, 'Justificatifs');
	await nextStep(page, 'Signature');

	await tabTo(page, page.getByLabel(/J'atteste sur l'honneur/));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Suivant' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Informations de la demande' })).toBeFocused();
	await expect(page.getByText('DUPIN Noé (nouvel enfant)')).toBeVisible();
	await tabTo(page, page.getByRole('button', { name: 'Enregistrer la demande' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'a bien été envoyée' })).toBeVisible({
		timeout: 20_000
	});
});
