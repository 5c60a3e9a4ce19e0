import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { MONDAY_9AM, dayButton, lunch, openAgenda } from './support/agenda-page.ts';

test.use({ demo: true, serverNow: MONDAY_9AM });

const SUCCESS_BORDER = 'rgb(46, 125, 50)';

/** Opens the saisie groupée and asks for lunch and the free evening garderie, 1 to 11 December. */
async function fillBulk(page: Page): Promise<Locator> {
	await page.getByRole('button', { name: 'Saisie groupée' }).click();
	const dialog = page.getByRole('dialog', { name: 'Saisie groupée' });
	await dialog.getByLabel(/^Période du/).fill('2026-12-01');
	await dialog.getByLabel(/^au/).fill('2026-12-11');
	await dialog.getByLabel('Repas de midi 11:45 - 13:30').check();
	await dialog.getByLabel('Garderie soir gratuite 16:30 - 16:45').check();
	return dialog;
}

const borderColour = (locator: Locator) =>
	locator.evaluate((element) => getComputedStyle(element).borderLeftColor);

test.describe('saisie groupée', () => {
	test('reopened, it starts again from Créer with nothing ticked', async ({ page }) => {
		await openAgenda(page);
		let dialog = await fillBulk(page);
		await dialog.getByLabel(/^Action/).selectOption('Supprimer');
		await dialog.getByRole('button', { name: 'Annuler' }).click();
		await expect(dialog).toBeHidden();

		await page.getByRole('button', { name: 'Saisie groupée' }).click();
		await expect(dialog.getByLabel(/^Action/)).toHaveValue('creer');
		await expect(dialog.getByLabel('Repas de midi 11:45 - 13:30')).not.toBeChecked();
		await expect(dialog.getByLabel('Garderie soir gratuite 16:30 - 16:45')).not.toBeChecked();
		await expect(dialog.getByLabel('DUPIN Tim')).toBeChecked();
		await dialog.getByRole('button', { name: 'Fermer la saisie groupée' }).click();

		// After a saisie sent, too.
		dialog = await fillBulk(page);
		await dialog.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(dialog).toContainText('Enregistré par la mairie');
		await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
		await page.getByRole('button', { name: 'Saisie groupée' }).click();
		await expect(dialog.getByRole('button', { name: 'Enregistrer' })).toBeVisible();
		await expect(dialog.getByLabel(/^Action/)).toHaveValue('creer');
		await expect(dialog.getByLabel('Repas de midi 11:45 - 13:30')).not.toBeChecked();
	});

	test('offers only the activities the children ticked are enrolled in', async ({ page }) => {
		await openAgenda(page);
		await page.getByRole('button', { name: 'Saisie groupée' }).click();
		const dialog = page.getByRole('dialog', { name: 'Saisie groupée' });
		const activities = dialog.getByRole('group', { name: /^Activités/ });
		// Tim is enrolled in the canteen and the garderie, not the centre de loisirs.
		await expect(activities.getByRole('checkbox')).toHaveCount(5);
		await expect(activities).not.toContainText('Centre de loisirs');
		await activities.getByLabel('Repas de midi 11:45 - 13:30').check();

		await dialog.getByLabel('DUPIN Tim').uncheck();
		await expect(activities.getByRole('checkbox')).toHaveCount(0);
		await expect(activities).toContainText(
			'Cochez un usager pour voir les activités auxquelles il est inscrit.'
		);
		// Ticked again, he gets his activities back, none ticked unseen meanwhile.
		await dialog.getByLabel('DUPIN Tim').check();
		await expect(activities.getByRole('checkbox')).toHaveCount(5);
		await expect(activities.getByLabel('Repas de midi 11:45 - 13:30')).not.toBeChecked();
		await expectNoAxeViolations(page);
	});

	test('double-clicked Enregistrer sends one change and shows its own summary, as a success', async ({
		page
	}) => {
		await openAgenda(page);
		const dialog = await fillBulk(page);
		await dialog.getByRole('button', { name: 'Enregistrer' }).dblclick();
		const result = dialog.getByRole('status');
		await expect(result).toContainText('Enregistré par la mairie');
		// 9 weekdays × 2 activities: the two Wednesdays have no canteen nor garderie.
		await expect(result).toContainText('14 réservations créées, 4 ignorées.');
		expect(await borderColour(result)).toBe(SUCCESS_BORDER);
		await result.getByText('Pourquoi 4 ont été ignorées').click();
		await expect(result.getByRole('listitem')).toHaveCount(4);
		await expect(result.getByRole('listitem').first()).toHaveText(
			'mercredi 2 décembre 2026 — Repas de midi : pas de service ce jour-là'
		);
		await expectNoAxeViolations(page);
		await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();

		// Read in the dialog, the answer does not stay on the page; one change made 14 history lines.
		await expect(page.getByRole('region', { name: 'Résultat de la saisie groupée' })).toHaveCount(0);
		await expect(page.getByRole('alert')).toHaveCount(0);
		await dayButton(page, 'mardi 1er décembre 2026').click();
		await expect(lunch(page)).toContainText('Réservé');
		const history = page.getByRole('region', { name: /Historique des actions/ });
		await expect(history.getByRole('row')).toHaveCount(15);
	});

	test('offline, a double click queues one change, one Réserver double-clicked too', async ({
		page,
		portal
	}) => {
		await openAgenda(page);
		await page.evaluate(() => navigator.serviceWorker.ready);
		await portal.stop();

		await dayButton(page, 'jeudi 3 décembre 2026').click();
		await lunch(page)
			.getByRole('button', { name: /^Réserver/ })
			.dblclick();
		await expect(lunch(page)).toContainText('Réservation en attente d’envoi');
		await expect(page.getByText('1 modification en attente')).toBeVisible();

		const dialog = await fillBulk(page);
		await dialog.getByRole('button', { name: 'Enregistrer' }).dblclick();
		const result = dialog.getByRole('status');
		await expect(result).toContainText('en attente d’envoi');
		// The forecast counts the lunch of the 3rd already waiting: 13 created, 5 left out.
		await expect(result).toContainText('13 réservations créées, 5 ignorées.');
		await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
		await expect(page.getByText('2 modifications en attente')).toBeVisible();

		await portal.start();
		await page.getByRole('button', { name: 'Synchroniser' }).click();
		await expect(page.getByText(/modifications? en attente/)).toHaveCount(0);
		const summary = page.getByRole('region', { name: 'Résultat de la saisie groupée' });
		await expect(summary).toHaveCount(1);
		await expect(summary).toContainText('13 réservations créées, 5 ignorées.');
		expect(await borderColour(summary)).toBe(SUCCESS_BORDER);
		await expect(page.getByRole('alert')).toHaveCount(0);
	});

	test('the second press of a double tap on Enregistrer takes neither the focus from the result nor a word', async ({
		page
	}) => {
		await openAgenda(page);
		const dialog = await fillBulk(page);
		await dialog.getByRole('button', { name: 'Enregistrer' }).click();
		const result = dialog.getByRole('status');
		await expect(result).toBeFocused();
		// The form gone, the dialog shorter: the finger's second press lands on its title (as on the
		// reviewer's phone), a double click's second press (detail 2).
		const title = (await dialog.getByRole('heading', { name: 'Saisie groupée' }).boundingBox())!;
		await page.mouse.move(title.x + 20, title.y + title.height / 2);
		await page.mouse.down({ clickCount: 2 });
		await page.mouse.up({ clickCount: 2 });
		await expect(result).toBeFocused();
		expect(await page.evaluate(() => getSelection()?.toString())).toBe('');
	});
});
