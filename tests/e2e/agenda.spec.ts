import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import type { Locator } from '@playwright/test';
import { MONDAY_9AM, dayButton, lunch, openAgenda } from './support/agenda-page.ts';

/**
 * The words of an element a sighted reader sees: text whose every box, up to the element, is more
 * than a few pixels wide (a visually hidden word sits in a 1 px box, its text overflowing unseen).
 */
const seenWords = (element: Locator) =>
	element.evaluate((root) => {
		const seen: string[] = [];
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			let box = node.parentElement;
			let drawn = Boolean(node.textContent?.trim());
			for (; drawn && box && root.contains(box); box = box.parentElement)
				drawn = box.getBoundingClientRect().width > 4;
			if (drawn) seen.push(node.textContent!.trim());
		}
		return seen.join(' ');
	});

test.use({ demo: true, serverNow: MONDAY_9AM });

test.describe('agenda', () => {
	test('book and cancel online, with the colour code, the deadline and the history', async ({ page }) => {
		await openAgenda(page);
		await expect(page.getByText('novembre 2026', { exact: true })).toBeVisible();
		// The whole grid, neighbouring days included, is kept offline.
		await expect(page.getByText('Chargement de cette période…')).toHaveCount(0);
		await expect(dayButton(page, 'lundi 30 novembre 2026')).toHaveAccessibleName(/Aujourd'hui/);
		await expect(dayButton(page, 'mercredi 2 décembre 2026')).toHaveAccessibleName(/Pas de service/);
		await dayButton(page, 'jeudi 3 décembre 2026').click();
		await expect(dayButton(page, 'jeudi 3 décembre 2026')).toHaveAccessibleName(/Réservable/);
		await expect(lunch(page)).toContainText("modifiable jusqu'au 02/12/2026 à 10:00");
		await expect(lunch(page)).toContainText('3,50 €');
		await expectNoAxeViolations(page);

		await lunch(page)
			.getByRole('button', { name: /^Réserver/ })
			.click();
		await expect(lunch(page)).toContainText('Réservé');
		await expect(page.getByText('modifications en attente')).toHaveCount(0);
		await expect(dayButton(page, 'jeudi 3 décembre 2026')).toHaveAccessibleName(/: Réservé$/);
		const history = page.getByRole('region', { name: /Historique des actions/ });
		await expect(history.getByRole('row').nth(1)).toContainText('03/12/2026');
		await expect(history.getByRole('row').nth(1)).toContainText('DUPIN Pascal');
		// On a wide screen too, the action is said in words, under a header one can read.
		expect(await seenWords(history.getByRole('columnheader').first())).toBe('Action');
		expect(await seenWords(history.getByRole('row').nth(1).getByRole('cell').first())).toBe('Réservation');

		await lunch(page)
			.getByRole('button', { name: /^Annuler/ })
			.click();
		await expect(lunch(page)).toContainText('Réservable');
		await expect(history.getByRole('row')).toHaveCount(3);
		expect(await seenWords(history.getByRole('row').nth(1).getByRole('cell').first())).toBe('Annulation');

		// Same day: never bookable ("jamais le jour même").
		await dayButton(page, 'lundi 30 novembre 2026').click();
		await expect(lunch(page)).toContainText('Délai dépassé');
		await expect(lunch(page).getByRole('button')).toHaveCount(0);

		await page.getByRole('button', { name: 'Semaine' }).click();
		await expect(page.getByRole('heading', { level: 2, name: /lundi 30 novembre 2026/i })).toBeVisible();
		await page.getByRole('button', { name: 'Jour', exact: true }).click();
		await page.getByRole('button', { name: 'Période suivante' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Mardi 1er décembre 2026' })).toBeVisible();
	});

	test('offline: book three days and a saisie groupée, reload, sync when the server is back', async ({
		page,
		portal
	}) => {
		await openAgenda(page);
		await page.evaluate(() => navigator.serviceWorker.ready);
		await portal.stop();

		await page.getByRole('button', { name: 'Période suivante' }).click();
		await expect(page.getByText('décembre 2026', { exact: true })).toBeVisible();
		for (const day of ['mardi 1er décembre 2026', 'jeudi 3 décembre 2026', 'vendredi 4 décembre 2026']) {
			await dayButton(page, day).click();
			await lunch(page)
				.getByRole('button', { name: /^Réserver/ })
				.click();
			await expect(lunch(page)).toContainText('Réservation en attente d’envoi');
		}
		await expect(page.getByText('Vous êtes hors ligne')).toBeVisible();

		await page.getByRole('button', { name: 'Saisie groupée' }).click();
		const dialog = page.getByRole('dialog', { name: 'Saisie groupée' });
		await expect(dialog.getByLabel('DUPIN Tim')).toBeChecked();
		await dialog.getByLabel(/^Période du/).fill('2026-12-07');
		await dialog.getByLabel(/^au/).fill('2026-12-11');
		await dialog.getByLabel('Garderie matin gratuite 08:20 - 08:35').check();
		await expectNoAxeViolations(page);
		await dialog.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(dialog).toContainText('en attente d’envoi');
		await expect(dialog).toContainText('4 réservations créées, 1 ignorée.');
		await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
		await expect(page.getByText('4 modifications en attente')).toBeVisible();

		await page.reload();
		await expect(page.getByText('4 modifications en attente')).toBeVisible();
		// The address kept the month shown, offline too.
		await expect(page.getByText('décembre 2026', { exact: true })).toBeVisible();
		await dayButton(page, 'jeudi 3 décembre 2026').click();
		await expect(lunch(page)).toContainText('Réservation en attente d’envoi');
		await expect(dayButton(page, 'jeudi 3 décembre 2026')).toHaveAccessibleName(/modification en attente/);

		// Back at 10:30 in Paris: Tuesday's lunch closed at 10:00 meanwhile.
		portal.env.TEST_NOW = '2026-11-30T09:30:00.000Z';
		await portal.start();
		await page.getByRole('button', { name: 'Synchroniser' }).click();
		await expect(page.getByText('modifications en attente')).toHaveCount(0);
		await expect(
			page.getByRole('alert').filter({
				hasText: 'Réservation de Restauration scolaire (Repas de midi) du mardi 1er décembre 2026 refusée'
			})
		).toHaveText(
			'Réservation de Restauration scolaire (Repas de midi) du mardi 1er décembre 2026 refusée : la date limite est dépassée depuis le 30/11/2026 à 10:00.'
		);
		await expect(lunch(page)).toContainText('Réservé');
		await expect(dayButton(page, 'jeudi 3 décembre 2026')).toHaveAccessibleName(/: Réservé$/);
		await expect(dayButton(page, 'mardi 8 décembre 2026')).toHaveAccessibleName(/: Réservé$/);
		await expect(page.getByRole('region', { name: 'Résultat de la saisie groupée' })).toContainText(
			'4 réservations créées'
		);

		await page.getByRole('button', { name: "J'ai compris" }).click();
		await expect(
			page.getByText(
				'Réservation de Restauration scolaire (Repas de midi) du mardi 1er décembre 2026 refusée'
			)
		).toHaveCount(0);
	});
});
