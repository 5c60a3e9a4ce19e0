import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { signIn } from './support/citizens.ts';

const AGENT = { identifiant: 'agent.mairie', motDePasse: 'Hesdigneul62' };

test.describe('the demo’s queue, and its export as a spreadsheet', () => {
	test.use({ demo: true });

	test('the agent opens the demandes à traiter from the tableau de bord and exports them with the keyboard', async ({
		page
	}, testInfo) => {
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto('/connexion');
		await signIn(page, AGENT.identifiant, AGENT.motDePasse);
		await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
		// The demo's other families: three demandes nobody has taken, one complément received.
		await expect(page.getByRole('link', { name: '3 Demandes à traiter' })).toBeVisible();
		await expect(page.getByRole('link', { name: '1 Compléments reçus' })).toBeVisible();

		await page.getByRole('link', { name: '3 Demandes à traiter' }).click();
		await expect(page.getByRole('status').filter({ hasText: /^3 demandes, page 1\.$/ })).toBeVisible();
		await expect(page.getByRole('row', { name: /PETIT Hélène/ })).toBeVisible();
		const exporter = page.getByRole('link', { name: 'Exporter (CSV)' });
		await expect(exporter).toHaveAttribute(
			'href',
			'/api/admin/demandes/export?statut=envoyee&agent=personne'
		);
		await expectNoAxeViolations(page);
		await page.screenshot({ path: testInfo.outputPath('demandes-export-1366.png'), fullPage: true });

		await exporter.focus();
		const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
		expect(download.suggestedFilename()).toMatch(/^demandes-\d{4}-\d{2}-\d{2}\.csv$/);
		const bytes = readFileSync(await download.path());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.subarray(3).toString('utf-8').split('\r\n');
		expect(lines[0]).toBe(
			'N°;Téléservice;Famille;Personne concernée;E-mail;Déposée le;Statut;Agent;Dernière mise à jour'
		);
		expect(lines.slice(1, -1)).toHaveLength(3);
		expect(lines.at(-1)).toBe('');
		expect(lines.slice(1).join('\n')).toMatch(
			/;PETIT Hélène;PETIT Hélène;helene\.petit@example\.com;.*;Envoyée;;/
		);

		await page.setViewportSize({ width: 1024, height: 800 });
		await page.screenshot({ path: testInfo.outputPath('demandes-export-1024.png'), fullPage: true });
	});
});
