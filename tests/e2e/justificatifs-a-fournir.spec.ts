import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { currentStep, signInTo, startDemande } from './support/requests-page.ts';
import { agentSignsIn } from './support/backoffice.ts';

test.use({ demo: true, viewport: { width: 360, height: 800 } });

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/**
 * Two demandes "Mise à jour des données d'adresse" sent by the family as the app sends them: the
 * first with a justificatif de domicile uploaded, the second without (Non fourni).
 */
async function sendTwoAddressChanges(page: Page): Promise<void> {
	const answers = await page.evaluate(async (pdf) => {
		const documentId = crypto.randomUUID();
		const query = new URLSearchParams({ type: 'justificatif-domicile', name: 'facture-edf.pdf' });
		const put = await fetch(`/api/documents/${documentId}?${query}`, {
			method: 'PUT',
			headers: { 'Content-Type': 'application/pdf' },
			body: new Blob([pdf], { type: 'application/pdf' })
		});
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
		const submit = (justificatif: Record<string, unknown>) => ({
			id: crypto.randomUUID(),
			kind: 'demande.submit.v1',
			createdAt: new Date().toISOString(),
			payload: {
				demandeId: crypto.randomUUID(),
				formCode: 'mise-a-jour-adresse',
				writerId: crypto.randomUUID(),
				baseRevision: 0,
				step: 1,
				savedAt: new Date().toISOString(),
				data: {
					adresse: {
						nouvelleAdresse: {
							name: 'Adresse principale',
							country: 'France',
							city: 'Outreau',
							postalCode: '62230',
							street: 'Rue Haute',
							isDefault: true
						},
						dateEffet: today
					},
					justificatifs: { justificatifs: { 'justificatif-domicile': justificatif } }
				}
			}
		});
		const res = await fetch('/api/sync/push', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				schemaVersion: 1,
				mutations: [submit({ choice: 'envoyer', documentId }), submit({ choice: 'plus-tard' })]
			})
		});
		return { put: put.status, push: (await res.json()) as { results: { status: string }[] } };
	}, PDF);
	expect(answers.put).toBe(201);
	expect(answers.push.results.map((r) => r.status)).toEqual(['applied', 'applied']);
}

type QueueDocument = { id: number; name: string; demandes: { label: string }[] };

/** The family's file named `name` in the agent's queue of justificatifs à valider (the real API). */
async function queued(agent: Page, name: string): Promise<QueueDocument | undefined> {
	const page = await agent.evaluate(
		async () => (await fetch('/api/admin/documents')).json() as Promise<{ documents: QueueDocument[] }>
	);
	return page.documents.find((d) => d.name === name);
}

test('a refused justificatif, provided again from Mes justificatifs à fournir with the server stopped, answers both demandes', async ({
	browser,
	page,
	baseURL,
	portal
}, testInfo) => {
	await signInTo(page, '/profil');
	await sendTwoAddressChanges(page);

	// The agent refuses it, through the real agent API.
	const { office, agent } = await agentSignsIn(browser, baseURL!);
	const refused = await queued(agent, 'facture-edf.pdf');
	expect(refused).toBeDefined();
	const decided = await agent.evaluate(async (id) => {
		const res = await fetch(`/api/admin/documents/${id}/decision`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ statut: 'invalide', motif: 'Facture de plus de 3 mois.' })
		});
		return res.status;
	}, refused!.id);
	expect(decided).toBe(200);

	// The family sees it Invalide, with the reason, for both demandes.
	await page.goto('/echanges');
	const section = page.getByRole('region', { name: 'Mes justificatifs à fournir' });
	const line = section.getByRole('listitem').filter({ hasText: 'Justificatif de domicile' });
	await expect(line).toContainText('Invalide', { timeout: 20_000 });
	await expect(line).toContainText('Motif du refus : Facture de plus de 3 mois.');
	await expect(line.getByRole('link', { name: /Mise à jour/ })).toHaveCount(2);
	await expectNoAxeViolations(page);

	// A file that is not a PDF nor an image: said beside the button, nothing queued.
	const picker = line.getByLabel('Fournir un nouveau justificatif');
	await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('bonjour') });
	await expect(line).toContainText('Ce fichier n’est ni un PDF, ni une image JPEG ou PNG');

	// A file that says it is a PDF and is not: the server refuses it, the line says why.
	await picker.setInputFiles({
		name: 'faux.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('bonjour')
	});
	await expect(line).toContainText('Votre dernier envoi n’a pas été reçu', { timeout: 20_000 });
	await expect(line).toContainText('Invalide');
	await page.screenshot({ path: testInfo.outputPath('justificatifs-invalide-360.png'), fullPage: true });

	// With the keyboard only, the server stopped: the file waits in the outbox.
	await portal.stop();
	await line
		.getByRole('link', { name: /Mise à jour/ })
		.last()
		.focus();
	await page.keyboard.press('Tab');
	await expect(picker).toBeFocused();
	const chooser = page.waitForEvent('filechooser');
	await page.keyboard.press('Space');
	await (
		await chooser
	).setFiles({ name: 'facture-novembre.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
	await expect(line).toContainText('En attente d’envoi');
	await expect(picker).toHaveCount(0);
	// The button it was on is gone: the keyboard is on the line that says the file waits.
	await expect(line).toBeFocused();
	await page.screenshot({ path: testInfo.outputPath('justificatifs-attente-360.png'), fullPage: true });
	await expectNoAxeViolations(page);

	// The server back: the file, then its link to both demandes; the line is À valider.
	await portal.start();
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(line).toContainText('À valider', { timeout: 20_000 });
	await expect(line).not.toContainText('En attente d’envoi');
	await expect(line).not.toContainText('Votre dernier envoi n’a pas été reçu');
	await page.screenshot({ path: testInfo.outputPath('justificatifs-a-valider-360.png'), fullPage: true });

	await agent.reload();
	const provided = await queued(agent, 'facture-novembre.pdf');
	expect(provided?.id).not.toBe(refused!.id);
	expect(provided?.demandes).toHaveLength(2);
	await office.close();
});

test('the justificatifs step of a form says one valid on file is already provided, until when', async ({
	browser,
	page,
	baseURL
}) => {
	await signInTo(page, '/demarches/mise-a-jour-informations');
	const status = await page.evaluate(async (pdf) => {
		const query = new URLSearchParams({ type: 'justificatif-domicile', name: 'facture-gaz.pdf' });
		const res = await fetch(`/api/documents/${crypto.randomUUID()}?${query}`, {
			method: 'PUT',
			headers: { 'Content-Type': 'application/pdf' },
			body: new Blob([pdf], { type: 'application/pdf' })
		});
		return res.status;
	}, PDF);
	expect(status).toBe(201);

	// The agent validates it until 31/01/2027, through the real agent API.
	const { office, agent } = await agentSignsIn(browser, baseURL!);
	const gaz = await queued(agent, 'facture-gaz.pdf');
	const decided = await agent.evaluate(async (id) => {
		const res = await fetch(`/api/admin/documents/${id}/decision`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ statut: 'valide', expiresOn: '2027-01-31' })
		});
		return res.status;
	}, gaz!.id);
	expect(decided).toBe(200);
	await office.close();

	await page.reload();
	await page.getByRole('radio', { name: "Mise à jour des données d'adresse" }).check();
	await startDemande(page);
	await page.getByLabel('Ville').fill('Outreau');
	await page.getByLabel('Code postal').fill('62230');
	await page.getByLabel('Type et nom de la voie').fill('Rue Haute');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(currentStep(page)).toContainText('Justificatifs');
	const proof = page.getByRole('group', { name: 'Justificatif de domicile de moins de 3 mois' });
	await expect(proof).toContainText(
		'Déjà fourni, valide jusqu’au 31/01/2027 : vous n’avez pas besoin d’en envoyer un nouveau.',
		{ timeout: 20_000 }
	);
	await expect(proof.getByLabel('Réutiliser un justificatif déjà fourni')).toBeChecked();
	await expectNoAxeViolations(page);
	// The parent's own choice is kept, the step left and opened again.
	await proof.getByLabel('Plus tard (non fourni)').check();
	await page.getByRole('button', { name: 'Précédent' }).click();
	await expect(currentStep(page)).toContainText('Nouvelle adresse');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(currentStep(page)).toContainText('Justificatifs');
	await expect(proof.getByLabel('Plus tard (non fourni)')).toBeChecked();
	await proof.getByLabel('Réutiliser un justificatif déjà fourni').check();
	// Nothing new required: the step goes on to the recap.
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(currentStep(page)).not.toContainText('Justificatifs');
});
