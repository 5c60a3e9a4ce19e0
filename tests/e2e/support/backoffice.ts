import type { Browser, Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { signIn } from './citizens.ts';
import { outboxSent, signInTo, startDemande } from './requests-page.ts';

/** The demo administrator signed in, in a browser context of its own (a desktop), on /admin. */
export async function agentSignsIn(
	browser: Browser,
	baseURL: string,
	{ width = 1366, height = 900, now }: { width?: number; height?: number; now?: string } = {}
) {
	const office = await browser.newContext({ baseURL, viewport: { width, height } });
	const agent = await office.newPage();
	if (now) await agent.clock.setFixedTime(new Date(now));
	await agent.goto('/connexion');
	await signIn(agent, 'agent.mairie', 'Hesdigneul62');
	await expect(agent).toHaveURL(/\/admin$/);
	return { office, agent };
}

/** The demo parent sends a "Contacter la mairie"; resolves to its town number and its id. */
export async function parentSendsContact(
	page: Page,
	objet = 'Horaires de la garderie',
	message = 'Bonjour, la garderie ouvre-t-elle à 7 h ?'
): Promise<{ number: string; id: string }> {
	await signInTo(page, '/demarches/contacter-la-mairie');
	const id = await startDemande(page);
	await page.getByLabel('Objet').fill(objet);
	await page.getByLabel('Message').fill(message);
	await page.getByRole('button', { name: 'Suivant' }).click();
	await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
	const done = page.getByRole('status').filter({ hasText: 'a bien été envoyée' });
	await expect(done).toBeVisible({ timeout: 20_000 });
	await outboxSent(page);
	return { number: /n° (\d+)/.exec((await done.textContent()) ?? '')![1]!, id };
}

/**
 * Checks a choice beside the justificatif's PDF viewer, again until it holds: the viewer, while it
 * loads, can move the page under the click (headless Chromium's PDF plugin takes the focus).
 */
export async function checkBesideViewer(choice: Locator): Promise<void> {
	await expect(async () => {
		await choice.check();
		await expect(choice).toBeChecked({ timeout: 500 });
	}).toPass();
}

/**
 * Presses a button beside the PDF viewer: a pointer click there can be taken by the viewer while it
 * loads (the race checkBesideViewer meets), and nothing is sent; its keyboard focus can be taken the
 * same way. The button's own click() is what a user's press does, with no hit test to lose. The page
 * ignores a second press while the first is answered.
 */
export async function pressBesideViewer(button: Locator): Promise<void> {
	await expect(button).toBeEnabled();
	await button.evaluate((element) => (element as HTMLButtonElement).click());
}
