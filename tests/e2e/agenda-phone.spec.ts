import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { MONDAY_9AM, activity, dayButton, drawnText, openAgenda } from './support/agenda-page.ts';

test.use({ demo: true, serverNow: MONDAY_9AM });

test.describe('agenda on a phone', () => {
	test.use({ viewport: { width: 360, height: 780 } });

	test('the month grid is on the first screen, under a compact toolbar', async ({ page }) => {
		await openAgenda(page);
		const grid = page.getByRole('table', { name: /Agenda du mois/ });
		const box = await grid.boundingBox();
		expect(box).not.toBeNull();
		// The site's header takes about 200 px on a phone; the grid follows the title and the toolbar.
		expect(box!.y).toBeLessThan(430);
		expect(box!.y + box!.height).toBeLessThanOrEqual(780);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
	});

	test('dates as French writes them; the week names its dates and prices only days with service', async ({
		page
	}) => {
		await openAgenda(page);
		expect(await drawnText(page, '#agenda-periode')).toBe('novembre 2026');
		await dayButton(page, 'mardi 1er décembre 2026').click();
		expect(await drawnText(page, '#agenda-periode')).toBe('décembre 2026');
		await expect(page.getByRole('heading', { level: 2, name: 'Mardi 1er décembre 2026' })).toBeVisible();
		expect(await drawnText(page, 'section.day h2')).toBe('Mardi 1er décembre 2026');

		await page.getByRole('button', { name: 'Semaine' }).click();
		expect(await drawnText(page, '#agenda-periode')).toBe(
			'Semaine du lundi 30 novembre au vendredi 4 décembre 2026'
		);
		const wednesday = page.getByRole('region', { name: 'mercredi 2 décembre 2026' });
		await expect(wednesday).toContainText('Pas de service');
		await expect(wednesday).not.toContainText('€');
		await expect(wednesday.getByRole('button')).toHaveCount(0);
		const tuesday = page.getByRole('region', { name: 'mardi 1er décembre 2026' });
		await expect(activity(page, 'Restauration scolaire (Repas de midi)').first()).toContainText('3,50 €');
		await expect(tuesday).toContainText('3,50 €');
		// The town's services never run at the weekend: the week is Monday to Friday.
		await expect(page.getByRole('region', { name: /samedi/ })).toHaveCount(0);

		await page.getByRole('button', { name: 'Jour', exact: true }).click();
		expect(await drawnText(page, '#agenda-periode')).toBe('mardi 1er décembre 2026');
	});
});

test.describe('saisie groupée on a narrow phone', () => {
	for (const width of [320, 360]) {
		test(`at ${width} px every checkbox is drawn the same size, its label on one line or two`, async ({
			page
		}) => {
			await page.setViewportSize({ width, height: 780 });
			await openAgenda(page);
			await page.getByRole('button', { name: 'Saisie groupée' }).click();
			const dialog = page.getByRole('dialog', { name: 'Saisie groupée' });
			const boxes = dialog.getByRole('checkbox');
			await expect(boxes.first()).toBeVisible();
			const sizes = await boxes.evaluateAll((inputs) =>
				inputs.map((input) => {
					const box = input.getBoundingClientRect();
					const label = input.closest('label')!.getBoundingClientRect();
					return { size: `${box.width}×${box.height}`, labelHeight: label.height };
				})
			);
			// Some labels take two lines at this width (else the test proves nothing)…
			const heights = sizes.map((s) => s.labelHeight);
			expect(Math.max(...heights)).toBeGreaterThan(Math.min(...heights) + 5);
			// …and all the boxes are the same.
			expect(new Set(sizes.map((s) => s.size))).toEqual(new Set([sizes[0]!.size]));
		});
	}
});

test.describe('the history of the period', () => {
	const history = (page: Page) => page.getByRole('region', { name: /Historique des actions/ });

	async function bookThursdayLunch(page: Page) {
		await openAgenda(page);
		await dayButton(page, 'jeudi 3 décembre 2026').click();
		await page.getByRole('button', { name: 'Réserver Repas de midi le jeudi 3 décembre 2026' }).click();
		await expect(page.getByRole('button', { name: /^Annuler Repas de midi/ })).toBeVisible();
	}

	test('on a phone, each line is a block read without scrolling sideways', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 780 });
		await bookThursdayLunch(page);
		const line = history(page).getByRole('listitem');
		await expect(line).toHaveCount(1);
		await expect(line).toContainText('Réservation du 03/12/2026');
		await expect(line).toContainText('Restauration scolaire (Repas de midi)');
		await expect(line).toContainText(/Faite le 30\/11\/2026 à 09:00 par DUPIN Pascal/);
		await expect(history(page).getByRole('table')).toBeHidden();
		// Everything it says is inside the screen: the author too.
		const overflow = await history(page).evaluate((section) => {
			const right = section.getBoundingClientRect().right;
			return [...section.querySelectorAll('*')]
				.filter((e) => e.getBoundingClientRect().right > right + 0.5)
				.map((e) => e.textContent);
		});
		expect(overflow).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await expectNoAxeViolations(page);
	});

	test('on a desktop, the manual’s table', async ({ page }) => {
		await page.setViewportSize({ width: 1366, height: 900 });
		await bookThursdayLunch(page);
		const rows = history(page).getByRole('row');
		await expect(rows).toHaveCount(2);
		await expect(rows.nth(1)).toContainText('DUPIN Pascal');
		await expect(history(page).getByRole('listitem')).toHaveCount(0);
	});

	test.describe('cut by the server', () => {
		test.use({ serviceWorkers: 'block' });

		test('says that only the most recent actions are shown', async ({ page }) => {
			const pull = (url: URL) => url.pathname === '/api/sync/pull';
			await page.route(pull, async (route) => {
				const response = await route.fetch();
				await route.fulfill({ response, json: { ...(await response.json()), historyTruncated: true } });
			});
			await bookThursdayLunch(page);
			await expect(history(page)).toContainText(
				'Seules les 2 000 dernières actions de votre foyer sont affichées'
			);
			await page.unroute(pull);
			await page.getByRole('button', { name: 'Synchroniser' }).click();
			await expect(history(page)).not.toContainText('Seules les');
		});
	});
});
