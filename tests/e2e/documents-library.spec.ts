import { expect, expectNoAxeViolations, test, waitForServiceWorker } from './support/fixtures.ts';
import { signInTo } from './support/requests-page.ts';

test.use({ demo: true });

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/** A justificatif sent as the app sends one (PUT /api/documents/:uuid, the file as body), from the page. */
function upload(page: import('@playwright/test').Page, id: string, type: string, name: string) {
	return page.evaluate(
		async ({ id, type, name, pdf }) => {
			const query = new URLSearchParams({ type, name, personLabel: 'DUPIN Pascal' });
			const res = await fetch(`/api/documents/${id}?${query}`, {
				method: 'PUT',
				headers: { 'Content-Type': 'application/pdf' },
				body: new Blob([pdf], { type: 'application/pdf' })
			});
			return res.status;
		},
		{ id, type, name, pdf: PDF }
	);
}

test('Ma bibliothèque de justificatifs lists what the household sent, offline too', async ({
	page
}, testInfo) => {
	await signInTo(page, '/profil');
	const library = page.getByRole('region', { name: 'Ma bibliothèque de justificatifs' });
	await expect(library).toContainText('Aucun justificatif envoyé');

	const id = crypto.randomUUID();
	expect(await upload(page, id, 'assurance-rc', 'assurance-habitation.pdf')).toBe(201);
	// A message's pièce jointe stays with its demande: not a justificatif of the library.
	expect(await upload(page, crypto.randomUUID(), 'piece-jointe', 'photo-trottoir.pdf')).toBe(201);
	await page.reload();

	const entry = library.getByRole('listitem');
	await expect(entry).toHaveCount(1, { timeout: 20_000 });
	await expect(entry.getByRole('heading', { level: 3 })).toHaveText('Assurance responsabilité civile');
	await expect(entry).toContainText('DUPIN Pascal');
	await expect(entry).toContainText('Fourni — à valider');
	const today = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(new Date());
	await expect(entry.locator('dd').nth(2)).toHaveText(today);
	const link = entry.getByRole('link', { name: /assurance-habitation\.pdf/ });
	await expect(link).toHaveAttribute('href', `/api/documents/${id}/file`);
	const file = await page.request.get(`/api/documents/${id}/file`);
	expect(file.status()).toBe(200);
	expect(await file.text()).toBe(PDF);
	await expectNoAxeViolations(page);

	for (const width of [360, 1366]) {
		await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
		await library.screenshot({ path: testInfo.outputPath(`bibliotheque-${width}.png`) });
	}

	await waitForServiceWorker(page);
	// Offline, from the device's copy: the list stays, the download waits for the network.
	await page.context().setOffline(true);
	await page.reload();
	// Chromium 150 forgets the emulated offline state in a reloaded document (navigator.onLine
	// says true again): setting it anew gives the page what a phone without network says.
	await page.context().setOffline(false);
	await page.context().setOffline(true);
	await expect(entry).toContainText('Fourni — à valider');
	await expect(library).toContainText('Hors ligne : les fichiers se téléchargent');
	await page.context().setOffline(false);
});
