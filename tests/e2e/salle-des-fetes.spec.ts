import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { currentStep, outboxSent, signInTo, startDemande } from './support/requests-page.ts';

test.use({ demo: true });

// The form is offered once every step has its component: its justificatifs step is the shared one
// (forms/shared/Justificatifs.svelte), wired by the lead when it reaches main. Run against a
// stand-in for that step on i9-others, it passed.

const PAGE = '/demarches/location-salle-des-fetes';

/** The first Saturday at least 20 days on (inside the 15-day to 18-month window), in Paris. */
function aSaturday(): { iso: string; label: string; month: string } {
	const day = new Date(Date.now() + 20 * 86_400_000);
	while (day.getUTCDay() !== 6) day.setUTCDate(day.getUTCDate() + 1);
	const iso = day.toISOString().slice(0, 10);
	const long = (options: Intl.DateTimeFormatOptions) =>
		new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', ...options }).format(day);
	return {
		iso,
		label: long({ weekday: 'long', day: 'numeric', month: 'long' }),
		month: long({ month: 'long', year: 'numeric' })
	};
}

/** Shows the calendar's month of `month` ("janvier 2027"), one "Mois suivant" at a time. */
async function showMonth(page: Page, month: string) {
	const caption = page.locator('.hall-calendar caption');
	for (let i = 0; i < 3 && (await caption.textContent())?.trim() !== month; i++)
		await page.getByRole('button', { name: 'Mois suivant' }).click();
	await expect(caption).toHaveText(month);
}

test('a salle des fêtes request, from its page to Mes demandes; its day then shown taken', async ({
	page
}, testInfo) => {
	const saturday = aSaturday();
	await signInTo(page, PAGE);
	await startDemande(page);
	await expect(currentStep(page)).toContainText('Réservation');
	await expect(page.getByText('Cette demande ne réserve pas la salle.')).toBeVisible();
	await expectNoAxeViolations(page);

	await showMonth(page, saturday.month);
	const day = page.getByRole('button', { name: saturday.label, exact: true });
	await day.click();
	await expect(day).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByLabel('Date de début')).toHaveValue(saturday.iso);
	await page.getByLabel('Heure de début').fill('14:00');
	await page.getByLabel('Heure de fin').fill('23:30');
	await page.getByLabel('Type d’événement').selectOption({ label: 'Anniversaire' });
	await page.getByLabel('Nombre de personnes').fill('45');
	for (const width of [360, 1366]) {
		await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
		await page.screenshot({ path: testInfo.outputPath(`salle-reservation-${width}.png`), fullPage: true });
	}
	await page.getByRole('button', { name: 'Suivant', exact: true }).click();

	await expect(currentStep(page)).toContainText('Contact');
	await expect(page.getByLabel('Nom')).toHaveValue('DUPIN Pascal');
	await expect(page.getByLabel('Téléphone')).not.toHaveValue('');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Suivant', exact: true }).click();

	// Justificatifs: the assurance left for later (the shared step's default).
	await expect(currentStep(page)).toContainText('Justificatifs');
	await page.getByRole('button', { name: 'Suivant', exact: true }).click();
	await expect(page.getByText('Anniversaire')).toBeVisible();
	await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
	const done = page.getByRole('status').filter({ hasText: 'a bien été envoyée' });
	await expect(done).toBeVisible({ timeout: 20_000 });
	await outboxSent(page);

	await page.getByRole('link', { name: 'Mes demandes' }).first().click();
	const row = page
		.getByRole('row')
		.filter({ hasText: 'Location de la salle des fêtes' })
		.filter({ hasText: 'Envoyée' });
	await expect(row).toHaveCount(1);

	// Another request now finds that Saturday asked for: shown, not choosable.
	await page.goto(PAGE);
	await startDemande(page);
	await showMonth(page, saturday.month);
	const taken = page.getByRole('button', { name: `${saturday.label}, déjà demandé`, exact: true });
	await expect(taken).toBeDisabled();
	await expectNoAxeViolations(page);
});

/** A request for `saturday` filled in up to its recap. */
async function toRecap(page: Page, saturday: ReturnType<typeof aSaturday>) {
	await page.goto(PAGE);
	await startDemande(page);
	await showMonth(page, saturday.month);
	await page.getByRole('button', { name: saturday.label, exact: true }).click();
	await page.getByLabel('Heure de début').fill('14:00');
	await page.getByLabel('Heure de fin').fill('23:30');
	await page.getByLabel('Type d’événement').selectOption({ label: 'Anniversaire' });
	await page.getByLabel('Nombre de personnes').fill('45');
	for (const step of ['Contact', 'Justificatifs', 'Informations de la demande']) {
		await page.getByRole('button', { name: 'Suivant', exact: true }).click();
		await expect(currentStep(page)).toContainText(step);
	}
}

test('a day asked for on another device meanwhile: the server refuses, the parent reads why, nothing typed is lost', async ({
	page,
	browser,
	baseURL
}) => {
	const saturday = aSaturday();
	await signInTo(page, PAGE);
	await toRecap(page, saturday);

	// The other parent, on the computer, sends a request for the same Saturday first.
	const computer = await browser.newContext({ baseURL });
	const other = await computer.newPage();
	await signInTo(other, PAGE);
	await toRecap(other, saturday);
	await other.getByRole('button', { name: 'Enregistrer la demande' }).click();
	await expect(other.getByRole('status').filter({ hasText: 'a bien été envoyée' })).toBeVisible({
		timeout: 20_000
	});
	await computer.close();

	// The phone still showed the day free: its sending is refused by the server, with the reason.
	await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
	const reason = page.getByText(/La salle des fêtes est déjà demandée ou réservée le/);
	await expect(reason).toBeVisible({ timeout: 20_000 });
	await expect(page.getByRole('status').filter({ hasText: 'a bien été envoyée' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	// What was typed is kept: the request goes back to its days, the hours and the event still there.
	await expect(currentStep(page)).toContainText('Réservation');
	await expect(page.getByLabel('Date de début')).toHaveAccessibleDescription(/Date indisponible/);
	await expect(page.getByLabel('Heure de début')).toHaveValue('14:00');
	await expect(page.getByLabel('Nombre de personnes')).toHaveValue('45');
	await page.getByRole('link', { name: 'Mes demandes' }).first().click();
	await expect(
		page
			.getByRole('row')
			.filter({ hasText: 'Location de la salle des fêtes' })
			.filter({ hasText: 'Brouillon' })
	).not.toHaveCount(0);
});
