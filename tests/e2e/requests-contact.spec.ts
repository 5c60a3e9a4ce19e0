import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import {
	currentStep,
	demandeRow,
	draftOnServer,
	outboxSent,
	signInTo,
	startDemande
} from './support/requests-page.ts';

test.use({ demo: true });

test.describe('Contacter la mairie', () => {
	test('from its page to Mes demandes, with its number', async ({ page }) => {
		await signInTo(page, '/demarches/contacter-la-mairie');
		await expect(page.getByRole('heading', { level: 1, name: 'Contacter la mairie' })).toBeVisible();
		await expectNoAxeViolations(page);

		// The CGU first: the button refuses, the reason beside the box, the keyboard on it.
		await page.getByRole('button', { name: 'Faire une demande en ligne' }).click();
		const cgu = page.getByLabel("J'accepte les conditions générales d'utilisation");
		await expect(cgu).toBeFocused();
		await expect(cgu).toHaveAccessibleDescription(/Cochez la case/);
		await expect(page).toHaveURL(/\/demarches\/contacter-la-mairie$/);

		const id = await startDemande(page);
		await expect(currentStep(page)).toContainText('Votre message');
		await expect(page.getByLabel('Nom')).toHaveValue('DUPIN Pascal');
		await expectNoAxeViolations(page);

		// Suivant checks the step: the first error gets the focus.
		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page.getByLabel('Objet')).toBeFocused();
		await expect(page.getByLabel('Objet')).toHaveAccessibleDescription(/obligatoire/);
		await expectNoAxeViolations(page);

		await page.getByLabel('Objet').fill('Trottoir abîmé rue des Buissons Fleuris');
		await page.getByLabel('Message').fill('Bonjour,\nle trottoir devant le n° 12 est dangereux.');
		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page.getByRole('heading', { name: 'Informations de la demande' })).toBeFocused();
		await expect(page.getByText('Trottoir abîmé rue des Buissons Fleuris')).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
		const done = page.getByRole('status').filter({ hasText: 'a bien été envoyée' });
		await expect(done).toBeVisible({ timeout: 20_000 });
		const number = /n° (\d+)/.exec((await done.textContent()) ?? '')![1]!;
		await outboxSent(page);

		await page.getByRole('link', { name: 'Mes demandes' }).first().click();
		const row = demandeRow(page, number);
		await expect(row).toContainText('Contacter la mairie');
		await expect(row).toContainText('Envoyée');
		await expect(row).toContainText('DUPIN Pascal');
		await expectNoAxeViolations(page);
		await row.getByRole('link', { name: /Consulter/ }).click();
		await expect(page).toHaveURL(new RegExp(`/demandes/${id}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Contacter la mairie n° ${number}`);
		await expect(page.getByRole('region', { name: 'Historique' })).toContainText('Envoyée');
		await expectNoAxeViolations(page);
	});
});

test.describe('Contacter la mairie with a pièce jointe', () => {
	test('the file chosen leaves before the message, which lists it as given', async ({ page }) => {
		await signInTo(page, '/demarches/contacter-la-mairie');
		await startDemande(page);
		await page.getByLabel('Objet').fill('Facture de cantine');
		await page.getByLabel('Message').fill('Voici la facture dont je vous ai parlé.');
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
		await page.getByLabel('Pièce jointe (facultative)').setInputFiles({
			name: 'facture.pdf',
			mimeType: 'application/pdf',
			buffer: pdf
		});
		await expect(page.getByText('facture.pdf')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page.getByText('Oui', { exact: true })).toBeVisible();
		await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'a bien été envoyée' })).toBeVisible({
			timeout: 20_000
		});
		await outboxSent(page);
		await page.getByRole('link', { name: 'Consulter la demande' }).click();
		const needs = page.getByRole('region', { name: 'Justificatifs' });
		await expect(needs).toContainText('Pièce jointe');
		await expect(needs).toContainText('Fourni — à valider');
	});

	test('a file the server refused is never said sent: another device says it is not received, the sending is refused beside it', async ({
		page,
		browser,
		baseURL
	}) => {
		await signInTo(page, '/demarches/contacter-la-mairie');
		const id = await startDemande(page);
		await page.getByLabel('Objet').fill('Photo du trottoir');
		await page.getByLabel('Message').fill('Voici la photo.');
		await page.getByLabel('Pièce jointe (facultative)').setInputFiles({
			name: 'faux.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('ceci n’est pas un PDF')
		});
		await expect(page.getByText(/faux\.pdf .* — Refusé/)).toBeVisible({ timeout: 20_000 });
		await draftOnServer(page, id);

		const computer = await browser.newContext({ baseURL });
		const other = await computer.newPage();
		await signInTo(other, `/demandes/${id}/formulaire`);
		await expect(other.getByText('Fichier joint — Pas encore reçu par la mairie')).toBeVisible({
			timeout: 20_000
		});
		await expect(other.getByText(/— Envoyé/)).toHaveCount(0);
		await computer.close();

		await page.getByRole('button', { name: 'Suivant' }).click();
		await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
		const field = page.getByRole('button', { name: 'Retirer la pièce jointe' });
		await expect(field).toBeFocused({ timeout: 20_000 });
		await expect(field).toHaveAccessibleDescription(/n’a pas été reçu par la mairie/);
		await expect(page.getByRole('status').filter({ hasText: 'a bien été envoyée' })).toHaveCount(0);
		await field.click();
		await page.getByRole('button', { name: 'Suivant' }).click();
		await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'a bien été envoyée' })).toBeVisible({
			timeout: 20_000
		});
	});
});
