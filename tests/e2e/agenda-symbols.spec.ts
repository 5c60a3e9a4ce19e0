import { expect, test } from './support/fixtures.ts';
import { unsafeCharacters } from './support/symbols.ts';
import { MONDAY_9AM, dayButton, lunch, openAgenda } from './support/agenda-page.ts';

test.use({ demo: true, serverNow: MONDAY_9AM });

test('the agenda draws its marks as pictures, with their words kept, never as symbol characters', async ({
	page,
	portal
}) => {
	await openAgenda(page);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await dayButton(page, 'jeudi 3 décembre 2026').click();
	await lunch(page)
		.getByRole('button', { name: /^Réserver/ })
		.click();
	await expect(lunch(page).getByRole('button', { name: /^Annuler/ })).toBeVisible();
	await portal.stop();
	await dayButton(page, 'mardi 1er décembre 2026').click();
	await lunch(page)
		.getByRole('button', { name: /^Réserver/ })
		.click();

	// The offline banner, the day's pending mark, the legend and the history, each with its picture.
	const offline = page.getByText(/Vous êtes hors ligne/);
	await expect(offline.locator('svg[data-icon="hors-ligne"]')).toBeVisible();
	await expect(dayButton(page, 'mardi 1er décembre 2026')).toHaveAccessibleName(/, modification en attente$/);
	await expect(dayButton(page, 'mardi 1er décembre 2026').locator('svg[data-icon="attente"]')).toBeVisible();
	const legend = page.getByRole('list', { name: 'Légende' });
	await expect(
		legend.getByRole('listitem').filter({ hasText: 'En attente d’envoi à la mairie' })
	).toHaveCount(1);
	await expect(legend.locator('svg')).toHaveCount(6);
	const history = page.getByRole('region', { name: /Historique des actions/ });
	await expect(history.locator('svg[data-icon="plus"]').first()).toBeVisible();
	// Its main part only: the header and footer are symbols.spec.ts's to check.
	expect(await unsafeCharacters(page, 'main'), 'agenda').toEqual([]);

	// The saisie groupée's errors.
	await page.getByRole('button', { name: 'Saisie groupée' }).click();
	const dialog = page.getByRole('dialog', { name: 'Saisie groupée' });
	await dialog.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(dialog.getByText('Choisissez au moins une activité.')).toBeVisible();
	await expect(dialog.locator('.error svg[data-icon="attention"]').first()).toBeVisible();
	expect(await unsafeCharacters(page, 'main'), 'saisie groupée').toEqual([]);
});
