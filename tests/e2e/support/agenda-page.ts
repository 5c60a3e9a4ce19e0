import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Monday 30 November 2026, 09:00 in Paris, for the server and the browser alike. */
export const MONDAY_9AM = '2026-11-30T08:00:00.000Z';

/** Signs in as the demo's Pascal DUPIN and lands on Tim's agenda, synchronised. */
export async function openAgenda(page: Page): Promise<void> {
	await page.clock.setFixedTime(new Date(MONDAY_9AM));
	await page.goto('/connexion?retour=%2Fagenda');
	await page.getByLabel('Identifiant ou courriel').fill('pascal.dupin');
	await page.getByLabel(/^Mot de passe/).fill('Hesdigneul62');
	await page.getByRole('button', { name: 'Me connecter' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Agenda de DUPIN Tim' })).toBeVisible();
	await expect(page.getByText(/Agenda à jour au/)).toBeVisible();
}

/** The grid's button for a day of the month shown ("jeudi 3 décembre 2026 : …"). */
export const dayButton = (page: Page, label: string) =>
	page.getByRole('button', { name: new RegExp(`^${label} :`) });

/**
 * One activity of the days shown, by the words of its card; not a line of the history, which on a
 * phone is a list item naming the same activity.
 */
export const activity = (page: Page, name: string) =>
	page.locator('section.day').getByRole('listitem').filter({ hasText: name });
export const lunch = (page: Page) => activity(page, 'Restauration scolaire (Repas de midi)');

/** The text as drawn, CSS text-transform included (what a parent reads). */
export const drawnText = (page: Page, selector: string) =>
	page.locator(selector).evaluate((element) => (element as HTMLElement).innerText.trim());
