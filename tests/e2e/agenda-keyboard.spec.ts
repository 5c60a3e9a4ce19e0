import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { MONDAY_9AM, activity, dayButton, openAgenda } from './support/agenda-page.ts';

test.use({ demo: true, serverNow: MONDAY_9AM });

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max: number, key = 'Tab') {
	for (let presses = 1; presses <= max; presses++) {
		await page.keyboard.press(key);
		if (await target.evaluate((el) => el === document.activeElement)) return presses;
	}
	throw new Error(`${max} appuis sur ${key} sans atteindre ${target.toString()}`);
}

/**
 * Types a day into the focused date field, whatever order the browser's language gives its parts
 * (jj/mm/aaaa in French, mm/dd/yyyy in a browser left in English).
 */
async function typeDate(page: Page, input: Locator, iso: string) {
	const [year, month, day] = iso.split('-');
	await page.keyboard.type(`${day}${month}${year}`);
	if ((await input.inputValue()) !== iso) {
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.type(`${month}${day}${year}`);
	}
	await expect(input).toHaveValue(iso);
}

test.describe('agenda with the keyboard alone', () => {
	test('choose a day, book, cancel, saisie groupée: the focus stays where the parent works', async ({
		page
	}) => {
		await openAgenda(page);
		await page.locator('h1').focus();

		// The month grid is one stop of the Tab key; the arrows move from day to day.
		const today = dayButton(page, 'lundi 30 novembre 2026');
		await tabTo(page, today, 12);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		const thursday = dayButton(page, 'jeudi 3 décembre 2026');
		await expect(thursday).toBeFocused();
		await expect(thursday).toHaveAttribute('aria-pressed', 'true');

		// From the day to its first bookable activity in a few presses, not 20.
		const book = page.getByRole('button', { name: 'Réserver Repas de midi le jeudi 3 décembre 2026' });
		await tabTo(page, book, 5);
		await page.keyboard.press('Enter');
		// Réserver becomes Annuler once the town hall has it; the focus follows, on the same activity.
		const cancel = page.getByRole('button', { name: 'Annuler Repas de midi le jeudi 3 décembre 2026' });
		await expect(cancel).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(book).toBeFocused();

		// Saisie groupée: opened, filled and closed with the keys; the focus returns to its button.
		const open = page.getByRole('button', { name: 'Saisie groupée' });
		await tabTo(page, open, 15, 'Shift+Tab');
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Saisie groupée' });
		await expect(dialog).toBeVisible();
		// On its first field, not on the "×" that closes it.
		await expect(dialog.getByLabel('DUPIN Tim')).toBeFocused();
		await tabTo(page, dialog.getByLabel(/^Période du/), 6);
		await typeDate(page, dialog.getByLabel(/^Période du/), '2026-12-01');
		await tabTo(page, dialog.getByLabel(/^au/), 3);
		await typeDate(page, dialog.getByLabel(/^au/), '2026-12-04');
		await tabTo(page, dialog.getByLabel('Repas de midi 11:45 - 13:30'), 4);
		await page.keyboard.press('Space');
		await expect(dialog.getByLabel('Repas de midi 11:45 - 13:30')).toBeChecked();
		await tabTo(page, dialog.getByRole('button', { name: 'Enregistrer' }), 12);
		await page.keyboard.press('Enter');
		const result = dialog.getByRole('status');
		await expect(result).toContainText('3 réservations créées, 1 ignorée.');
		await expect(result).toBeFocused();
		await tabTo(page, dialog.getByRole('button', { name: 'Fermer', exact: true }), 3);
		await page.keyboard.press('Enter');
		await expect(dialog).toBeHidden();
		await expect(open).toBeFocused();

		await page.keyboard.press('Enter');
		await expect(dialog).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(open).toBeFocused();
	});
});

test.describe('the focus after an answer is put away or a double tap', () => {
	test("J'ai compris takes the focus to the next refusal, then to the agenda's heading", async ({
		page,
		portal
	}) => {
		await openAgenda(page);
		await page.evaluate(() => navigator.serviceWorker.ready);
		await portal.stop();
		await dayButton(page, 'mardi 1er décembre 2026').click();
		for (const name of ['Réserver Repas de midi', 'Réserver Garderie soir gratuite']) {
			await page.getByRole('button', { name: new RegExp(`^${name} le mardi`) }).click();
		}
		await expect(page.getByText('2 modifications en attente')).toBeVisible();
		// 18:30 at the town hall: both closed at 10:00 and 18:00.
		portal.env.TEST_NOW = '2026-11-30T17:30:00.000Z';
		await portal.start();
		await page.getByRole('button', { name: 'Synchroniser' }).click();
		const refusals = page.getByRole('region', { name: 'Modifications refusées par la mairie' });
		await expect(refusals.getByRole('listitem')).toHaveCount(2);
		await expectNoAxeViolations(page);

		const understood = refusals.getByRole('button', { name: "J'ai compris" });
		await understood.first().focus();
		await page.keyboard.press('Enter');
		await expect(refusals.getByRole('listitem')).toHaveCount(1);
		await expect(understood).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(refusals).toHaveCount(0);
		await expect(page.getByRole('heading', { level: 1, name: 'Agenda de DUPIN Tim' })).toBeFocused();
	});

	test.describe('on a phone', () => {
		test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, serviceWorkers: 'block' });

		test('a double tap on Réserver books once and leaves the focus on the card’s new button', async ({
			page
		}) => {
			await openAgenda(page);
			// A slow network: the change waits a moment, drawn apart, before the town hall has it.
			await page.route('**/api/sync/push', async (route) => {
				await new Promise((done) => setTimeout(done, 1500));
				await route.continue();
			});
			await dayButton(page, 'jeudi 3 décembre 2026').click();
			// The day's last card: nothing below it in the list to catch a tap where it has shrunk.
			const card = activity(page, 'Garderie soir (Garderie soir payante)');
			const book = card.getByRole('button', { name: /^Réserver/ });
			await book.scrollIntoViewIfNeeded();
			const box = (await book.boundingBox())!;
			const x = box.x + box.width / 2;
			const y = box.y + box.height / 2;
			// Every move of the focus from now on, and every time it drops to the page (no new target).
			await page.evaluate(() => {
				const moves: string[] = [];
				Object.assign(window, { focusMoves: moves });
				document.addEventListener('focusin', (e) => moves.push((e.target as HTMLElement).tagName));
				document.addEventListener('focusout', (e) => {
					if (!e.relatedTarget) moves.push('dropped');
				});
			});
			await page.mouse.click(x, y);
			await expect(card).toContainText('Réservation en attente d’envoi');
			// The second tap of the double tap (click count 2) lands once the card is redrawn.
			const secondTap = async () => {
				await page.mouse.move(x, y);
				await page.mouse.down({ clickCount: 2 });
				await page.mouse.up({ clickCount: 2 });
			};
			await secondTap();
			const cancel = card.getByRole('button', { name: /^Annuler Garderie soir payante/ });
			await expect(cancel).toBeFocused();
			await expect(card).toContainText('Réservé');
			await expect(page.getByText(/modifications? en attente/)).toHaveCount(0);
			const history = page.getByRole('region', { name: /Historique des actions/ });
			await expect(history.getByRole('listitem')).toHaveCount(1);
			// The same button from Réserver to Annuler through the wait: the focus never moved nor dropped.
			expect(await page.evaluate(() => (window as unknown as { focusMoves: string[] }).focusMoves)).toEqual([
				'BUTTON'
			]);

			// Even landing on Annuler, the second tap of a double tap cancels nothing.
			await secondTap();
			await page.waitForTimeout(500);
			await expect(card).toContainText('Réservé');
			await expect(cancel).toBeFocused();
		});
	});
});
