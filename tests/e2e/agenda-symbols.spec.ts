import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { MONDAY_9AM, dayButton, lunch, openAgenda } from './support/agenda-page.ts';

test.use({ demo: true, serverNow: MONDAY_9AM });

/**
 * Characters every font of a desktop or a phone draws (Latin letters with their accents, French
 * punctuation and spaces, the euro sign). Any other (⏳ 📡 ⚠ ☀ ★ −…) needs a symbol or emoji font
 * and draws an empty box where none is installed: the agenda draws those as SVG.
 */
const everyFontHasIt = (code: number) =>
	code <= 0x17f || (code >= 0x2000 && code <= 0x206f) || code === 0x20ac;

/**
 * The characters drawn in the page's main part (text, hidden text, ::before/::after) that not
 * every font has. The site's header and footer are another page's to check.
 */
async function unsafeCharacters(page: Page): Promise<string[]> {
	const texts = await page.evaluate(() => {
		const main = document.querySelector('main')!;
		const found: string[] = [];
		const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (node.parentElement?.closest('script, style')) continue;
			found.push(node.textContent ?? '');
		}
		for (const element of main.querySelectorAll('*'))
			for (const pseudo of ['::before', '::after']) {
				const content = getComputedStyle(element, pseudo).content;
				if (content && content !== 'none' && content !== 'normal') found.push(content);
			}
		return found;
	});
	const unsafe = new Set<string>();
	for (const text of texts)
		for (const char of text) if (!everyFontHasIt(char.codePointAt(0) ?? 0)) unsafe.add(char);
	return [...unsafe];
}

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
	expect(await unsafeCharacters(page), 'agenda').toEqual([]);

	// The saisie groupée's errors.
	await page.getByRole('button', { name: 'Saisie groupée' }).click();
	const dialog = page.getByRole('dialog', { name: 'Saisie groupée' });
	await dialog.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(dialog.getByText('Choisissez au moins une activité.')).toBeVisible();
	await expect(dialog.locator('.error svg[data-icon="attention"]').first()).toBeVisible();
	expect(await unsafeCharacters(page), 'saisie groupée').toEqual([]);
});
