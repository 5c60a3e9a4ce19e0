import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { agentSignsIn, checkBesideViewer, pressBesideViewer } from './support/backoffice.ts';
import { signInTo } from './support/requests-page.ts';

test.use({ demo: true });

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

test('an agent sees a justificatif beside its decision, refuses it with a reason, and the family is told', async ({
	browser,
	page,
	baseURL
}, testInfo) => {
	// The family sends an attestation CAF, as the app sends one.
	await signInTo(page, '/profil');
	const status = await page.evaluate(async (pdf) => {
		const query = new URLSearchParams({
			type: 'attestation-caf',
			name: 'caf-2026.pdf',
			personLabel: 'DUPIN Pascal'
		});
		const res = await fetch(`/api/documents/${crypto.randomUUID()}?${query}`, {
			method: 'PUT',
			headers: { 'Content-Type': 'application/pdf' },
			body: new Blob([pdf], { type: 'application/pdf' })
		});
		return res.status;
	}, PDF);
	expect(status).toBe(201);

	const { office, agent } = await agentSignsIn(browser, baseURL!);
	await agent
		.getByRole('navigation', { name: 'Back office' })
		.getByRole('link', { name: 'Justificatifs' })
		.click();
	await expect(agent.getByRole('heading', { level: 1, name: 'Justificatifs à valider' })).toBeVisible();
	await expect(
		agent.getByRole('heading', { level: 2, name: 'Attestation CAF de DUPIN Pascal' })
	).toBeVisible();
	await expect(agent.locator('iframe.viewer')).toHaveAttribute(
		'src',
		/\/api\/admin\/documents\/\d+\/fichier$/
	);
	await expect(agent.getByLabel("Valide jusqu'au")).not.toHaveValue('');
	await expectNoAxeViolations(agent);
	await agent.screenshot({ path: testInfo.outputPath('justificatifs-1366.png'), fullPage: true });

	// Invalide without a reason: said beside the field, nothing decided.
	await checkBesideViewer(agent.getByLabel('Invalide'));
	await pressBesideViewer(agent.getByRole('button', { name: 'Enregistrer la décision' }));
	await expect(agent.getByText('Indiquez le motif du refus : la famille le lira.')).toBeVisible();
	await expect(agent.getByLabel('Motif du refus (lu par la famille)')).toBeFocused();
	await agent.getByLabel('Motif du refus (lu par la famille)').fill('Attestation de plus de 3 mois.');
	await agent.getByRole('button', { name: 'Enregistrer la décision' }).dblclick();
	const outcome = agent.getByRole('status').filter({ hasText: 'refusé, la famille a reçu le motif' });
	await expect(outcome).toBeVisible();
	await expect(outcome).toBeFocused();
	await expect(agent.getByText('Aucun justificatif à valider.')).toBeVisible();
	await office.close();

	// The family's library says Invalide, with the reason.
	await page.reload();
	const library = page.getByRole('region', { name: 'Ma bibliothèque de justificatifs' });
	await expect(library).toContainText('Invalide', { timeout: 20_000 });
	await expect(library).toContainText('Attestation de plus de 3 mois.');
});
