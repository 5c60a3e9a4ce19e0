import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { DEMO, signIn } from './support/citizens.ts';
import type { PortalServer } from './support/portal-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The portal stopped, a town message written in its database, the portal started again. */
async function townWrites(portal: PortalServer) {
	await portal.stop();
	execFileSync(process.execPath, ['--import', 'tsx', 'tests/e2e/support/seed-town-message.ts'], {
		cwd: ROOT,
		env: { ...process.env, DATA_DIR: portal.env.DATA_DIR ?? '' }
	});
	await portal.start();
}

async function openEchanges(page: Page) {
	await page.goto('/connexion?retour=%2Fagenda');
	await signIn(page, DEMO.identifiant, DEMO.motDePasse);
	// Pulled by the sync engine, counted from the device's database.
	const link = page.getByRole('link', { name: 'Échanges, 1 non lu' });
	await expect(link).toBeVisible();
	await link.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Échanges' })).toBeVisible();
}

test.describe('Échanges: the town’s messages, read and answered, offline too', () => {
	test.use({ demo: true, viewport: { width: 360, height: 800 } });

	test('unread count, opened (read), answered with the server stopped, sent once it is back', async ({
		page,
		portal
	}, testInfo) => {
		await townWrites(portal);
		await openEchanges(page);
		await expect(page.locator('.blocks').getByText('Non lu')).toBeVisible();
		await page.screenshot({ path: testInfo.outputPath('echanges-360.png'), fullPage: true });
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: /Lire : Information sur la cantine/ }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Information sur la cantine' })).toBeVisible();
		await expect(page.getByText('la cantine sera fermée vendredi')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Échanges', exact: true })).toBeVisible();
		await expectNoAxeViolations(page);

		// An empty answer: said beside the field, nothing sent.
		await page.getByRole('button', { name: 'Répondre' }).click();
		await expect(page.getByText('Écrivez votre réponse.')).toBeVisible();

		await portal.stop();
		await page.getByLabel('Votre réponse').fill('Merci, nous viendrons le chercher.');
		await page.getByRole('button', { name: 'Répondre' }).click();
		const waiting = page.locator('li.pending');
		await expect(waiting).toContainText("En attente d'envoi");
		await expect(waiting).toBeFocused();
		await expect(page.getByLabel('Votre réponse')).toHaveValue('');
		await page.screenshot({ path: testInfo.outputPath('echanges-fil-360.png'), fullPage: true });

		await portal.start();
		await page.evaluate(() => window.dispatchEvent(new Event('online')));
		await expect(page.locator('li.pending')).toHaveCount(0, { timeout: 20_000 });
		await expect(page.getByText('Merci, nous viendrons le chercher.')).toBeVisible();
		await expect(page.getByText('DUPIN Pascal', { exact: false })).toBeVisible();
		await page.reload();
		await expect(page.getByText('Merci, nous viendrons le chercher.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Échanges', exact: true })).toBeVisible();
	});

	test('with the keyboard only', async ({ page, portal }) => {
		await townWrites(portal);
		await page.goto('/connexion?retour=%2Fechanges');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		const read = page.getByRole('link', { name: /Lire : Information sur la cantine/ });
		await expect(read).toBeVisible();
		await read.focus();
		await page.keyboard.press('Enter');
		const answer = page.getByLabel('Votre réponse');
		await answer.focus();
		await page.keyboard.type('Bien reçu.');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: 'Répondre' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByText('Bien reçu.')).toBeVisible();
		await expect(page.locator('li.pending')).toHaveCount(0, { timeout: 20_000 });
		// Sent at once: the keyboard is on the answer as the thread now shows it, not lost.
		await expect(page.locator('li.famille').filter({ hasText: 'Bien reçu.' })).toBeFocused();
	});
});
