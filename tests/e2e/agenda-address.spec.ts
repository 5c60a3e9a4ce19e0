import { expect, test } from './support/fixtures.ts';
import { MONDAY_9AM, drawnText, openAgenda } from './support/agenda-page.ts';

test.use({ demo: true, serverNow: MONDAY_9AM });

const JANUARY_WEEK = 'Semaine du lundi 28 décembre 2026 au vendredi 1er janvier 2027';

test.describe("the agenda's address and the browser's Back", () => {
	test.use({ viewport: { width: 360, height: 780 } });

	test('the view and the day shown survive a reload, Back and Forward, and a shared link', async ({
		page,
		context
	}) => {
		await openAgenda(page);
		await page.goto('/profil');
		await page.getByRole('link', { name: 'Agenda', exact: true }).click();
		await expect(page.getByText('novembre 2026', { exact: true })).toBeVisible();

		await page.getByRole('button', { name: 'Période suivante' }).click();
		await page.getByRole('button', { name: 'Période suivante' }).click();
		await page.getByRole('button', { name: 'Semaine' }).click();
		expect(await drawnText(page, '#agenda-periode')).toBe(JANUARY_WEEK);
		await expect(page).toHaveURL(/\/agenda\?vue=semaine&jour=2027-01-01$/);

		await page.reload();
		await expect(page.locator('#agenda-periode')).toHaveText(JANUARY_WEEK);
		await expect(page.getByRole('button', { name: 'Semaine' })).toHaveAttribute('aria-pressed', 'true');

		// Each change replaces the address: Back leaves the agenda, Forward comes back to the same week.
		await page.getByRole('button', { name: 'Période suivante' }).click();
		await expect(page).toHaveURL(/vue=semaine&jour=2027-01-08$/);
		await page.goBack();
		await expect(page).toHaveURL(/\/profil$/);
		await page.goForward();
		await expect(page.locator('#agenda-periode')).toHaveText('Semaine du lundi 4 au vendredi 8 janvier 2027');

		// A link a parent sends opens the same view of the same day.
		const shared = await context.newPage();
		await shared.clock.setFixedTime(new Date(MONDAY_9AM));
		await shared.goto('/agenda?vue=jour&jour=2026-12-03');
		await expect(shared.locator('#agenda-periode')).toHaveText('jeudi 3 décembre 2026');
		await expect(shared.getByRole('button', { name: 'Jour', exact: true })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		// The menu's "Agenda" opens today's month.
		await shared.getByRole('link', { name: 'Agenda', exact: true }).click();
		await expect(shared.locator('#agenda-periode')).toHaveText('novembre 2026');
	});

	test('an address it cannot show is replaced in the bar by the view and the day shown', async ({ page }) => {
		await openAgenda(page);
		await page.goto('/agenda?vue=jour&jour=1999-01-01');
		await expect(page.locator('#agenda-periode')).toHaveText('lundi 30 novembre 2026');
		await expect(page).toHaveURL(/\/agenda\?vue=jour&jour=2026-11-30$/);
		await page.goto('/agenda?vue=zzz&jour=2026-13-45');
		await expect(page.locator('#agenda-periode')).toHaveText('novembre 2026');
		await expect(page).toHaveURL(/\/agenda\?vue=mois&jour=2026-11-30$/);
		// A reload keeps the corrected one.
		await page.goto('/agenda?vue=semaine&jour=2026-02-30');
		await expect(page).toHaveURL(/\/agenda\?vue=semaine&jour=2026-11-30$/);
		await page.reload();
		await expect(page.locator('#agenda-periode')).toHaveText(/^Semaine du lundi 30 novembre/);
		// The menu's plain "/agenda" is no mistake: left as it is.
		await page.getByRole('link', { name: 'Agenda', exact: true }).click();
		await expect(page).toHaveURL(/\/agenda$/);
	});

	test('Back closes the saisie groupée and stays on the agenda; its buttons close its history entry', async ({
		page
	}) => {
		await openAgenda(page);
		await page.goto('/profil');
		await page.getByRole('link', { name: 'Agenda', exact: true }).click();
		await page.getByRole('button', { name: 'Période suivante' }).click();
		const address = page.url();
		const open = page.getByRole('button', { name: 'Saisie groupée' });
		const dialog = page.getByRole('dialog', { name: 'Saisie groupée' });

		await open.click();
		await dialog.getByLabel('Repas de midi 11:45 - 13:30').check();
		await page.goBack();
		await expect(dialog).toBeHidden();
		expect(page.url()).toBe(address);
		await expect(page.locator('#agenda-periode')).toHaveText('décembre 2026');
		await expect(open).toBeFocused();
		// Forward opens it again, afresh.
		await page.goForward();
		await expect(dialog).toBeVisible();
		await expect(dialog.getByLabel('Repas de midi 11:45 - 13:30')).not.toBeChecked();

		// Closed by Escape, then by its buttons: each time its entry goes, so Back leaves the agenda.
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await open.click();
		await dialog.getByRole('button', { name: 'Annuler' }).click();
		await expect(dialog).toBeHidden();
		await open.click();
		await dialog.getByRole('button', { name: 'Fermer la saisie groupée' }).click();
		await expect(dialog).toBeHidden();
		expect(page.url()).toBe(address);
		await page.goBack();
		await expect(page).toHaveURL(/\/profil$/);
	});
});
