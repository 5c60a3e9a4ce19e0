import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { agentSignsIn, checkBesideViewer, pressBesideViewer } from './support/backoffice.ts';
import { lunch, MONDAY_9AM } from './support/agenda-page.ts';
import { currentStep, fillNewChild, outboxSent, signInTo, startDemande } from './support/requests-page.ts';

test.use({ demo: true, serverNow: MONDAY_9AM });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');

async function next(page: Page, step: string) {
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(currentStep(page)).toContainText(step);
}

async function sendFile(page: Page, group: string, name: string) {
	const box = page.getByRole('group', { name: group });
	await box.getByLabel('Envoyer un fichier').check();
	await box
		.getByLabel('Choisir un fichier')
		.setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
	await expect(box).toContainText(`${name} (1 ko) — Envoyé`);
}

/** The parent's fiche enfant for a new child, Lou, at the canteen, with two justificatifs sent. */
async function parentSendsFiche(page: Page): Promise<string> {
	await page.clock.setFixedTime(new Date(MONDAY_9AM));
	await signInTo(page, '/demarches/fiche-enfant');
	await startDemande(page);
	await page.getByLabel('Situation familiale').selectOption({ label: 'Marié(e)' });
	await next(page, 'Conjoint');
	await page
		.getByRole('group', { name: /ajouter un conjoint/ })
		.getByLabel('Non')
		.check();
	await next(page, 'Enfant');
	await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
	const child = page.getByRole('dialog', { name: 'Ajouter un enfant' });
	await fillNewChild(child, { sexe: 'Garçon', prenom: 'Lou', jour: '2', mois: '6', annee: '2020' });
	await child.getByRole('button', { name: 'Ajouter cet enfant' }).click();
	await page.getByRole('button', { name: 'Suivant' }).click();
	await page.getByLabel('Restauration scolaire').check();
	await page.getByRole('group', { name: /PAI/ }).getByLabel('Non').check();
	await page.getByLabel('Établissement').selectOption({ index: 2 });
	await page.getByLabel('Niveau').selectOption('PS');
	await next(page, 'Autorisation globale');
	for (const [name, answer] of [
		[/Droit à l’image/, 'Oui'],
		[/Soins d’urgence/, 'Oui'],
		[/Sortie seul/, 'Non'],
		[/Sorties :/, 'Oui']
	] as const)
		await page.getByRole('group', { name }).getByLabel(answer).check();
	await next(page, 'Autres personnes à contacter et/ou autorisées à venir chercher l’enfant');
	await next(page, 'Justificatifs');
	await sendFile(page, 'Attestation CAF', 'caf-ancienne.pdf');
	await sendFile(page, 'Justificatif de domicile', 'facture-edf.pdf');
	await outboxSent(page);
	await next(page, 'Signature');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await page.getByLabel(/J'atteste sur l'honneur/).check();
	await page.getByRole('button', { name: 'Suivant' }).click();
	await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
	const done = page.getByRole('status').filter({ hasText: 'a bien été envoyée' });
	await expect(done).toBeVisible({ timeout: 20_000 });
	await outboxSent(page);
	return /n° (\d+)/.exec((await done.textContent()) ?? '')![1]!;
}

test('a fiche enfant from the parent to the agent and back: justificatifs decided, accepted, the canteen booked', async ({
	browser,
	page,
	baseURL
}, testInfo) => {
	test.setTimeout(180_000);
	const number = await parentSendsFiche(page);

	// The agent, on a desktop, takes the fiche.
	const { office, agent } = await agentSignsIn(browser, baseURL!, { now: MONDAY_9AM });
	await expectNoAxeViolations(agent);
	await agent
		.getByRole('navigation', { name: 'Back office' })
		.getByRole('link', { name: 'Demandes' })
		.click();
	await expectNoAxeViolations(agent);
	await agent.getByRole('link', { name: `n° ${number}`, exact: true }).click();
	await expect(
		agent.getByRole('heading', { level: 1, name: `Demande n° ${number} : Fiche enfant` })
	).toBeVisible();
	await expect(agent.getByText('DUPIN Lou (nouvel enfant)')).toBeVisible();
	const demandeUrl = agent.url();
	const pieces = agent.getByRole('region', { name: 'Justificatifs' });
	await expect(pieces.getByRole('row', { name: /Attestation CAF .*à valider/ })).toBeVisible();
	await expect(pieces.getByRole('link', { name: /caf-ancienne\.pdf/ })).toHaveAttribute(
		'href',
		/\/api\/admin\/documents\/\d+\/fichier$/
	);
	await agent.getByRole('button', { name: 'Prendre en charge' }).click();
	await expect(agent.getByRole('status').filter({ hasText: 'En cours de traitement' })).toBeFocused();

	// The justificatifs: the CAF one refused with its reason, the other one valid.
	await pieces.getByRole('link', { name: 'Valider les justificatifs' }).click();
	await expect(agent.getByRole('heading', { level: 1, name: 'Justificatifs à valider' })).toBeVisible();
	await expectNoAxeViolations(agent);
	// The oldest first: the attestation CAF, shown beside its decision.
	await expect(
		agent.getByRole('button', { name: 'Attestation CAF de DUPIN Pascal', exact: true })
	).toHaveAttribute('aria-pressed', 'true');
	await expect(
		agent.getByRole('heading', { level: 2, name: 'Attestation CAF de DUPIN Pascal' })
	).toBeVisible();
	await checkBesideViewer(agent.getByLabel('Invalide'));
	await agent.getByLabel('Motif du refus (lu par la famille)').fill('Attestation de plus de 3 mois.');
	await pressBesideViewer(agent.getByRole('button', { name: 'Enregistrer la décision' }));
	await expect(agent.getByRole('status').filter({ hasText: 'refusé' })).toBeFocused();
	await expect(agent.getByRole('heading', { level: 2, name: /^Justificatif de domicile/ })).toBeVisible();
	await checkBesideViewer(agent.getByLabel('Valide', { exact: true }));
	await pressBesideViewer(agent.getByRole('button', { name: 'Enregistrer la décision' }));
	await expect(agent.getByRole('status').filter({ hasText: 'validé' })).toBeFocused();
	await expect(agent.getByText('Aucun justificatif à valider.')).toBeVisible();

	// Back on the fiche: accepted, applied to the household.
	await agent.goto(demandeUrl);
	await expect(pieces.getByRole('row', { name: /Attestation CAF .*Invalide/ })).toBeVisible();
	await agent.getByRole('button', { name: 'Accepter' }).click();
	const dialog = agent.getByRole('dialog', { name: `Accepter la demande n° ${number} ?` });
	await expect(dialog).toContainText('3 justificatifs de cette demande ne sont pas validés');
	await dialog.getByRole('button', { name: 'Oui, accepter' }).click();
	const accepted = agent.getByRole('status').filter({ hasText: '« Clos »' });
	await expect(accepted).toBeFocused();
	await expect(accepted).toContainText('Enfant DUPIN Lou ajouté au foyer');
	await expect(accepted).toContainText('Inscrit à : Restauration scolaire');
	await expectNoAxeViolations(agent);
	await agent.screenshot({ path: testInfo.outputPath('fiche-acceptee-1366.png'), fullPage: true });
	await office.close();

	// The parent, on his phone: the messages unread, then read; the refused one to provide again.
	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto('/echanges');
	const unread = page.getByRole('link', { name: /^Échanges, \d+ non lus?$/ });
	await expect(unread).toBeVisible({ timeout: 20_000 });
	await expectNoAxeViolations(page);
	const toProvide = page.getByRole('region', { name: 'Mes justificatifs à fournir' });
	const cafLine = toProvide.getByRole('listitem').filter({ hasText: 'Attestation CAF' });
	await expect(cafLine).toContainText('Invalide');
	await expect(cafLine).toContainText('Attestation de plus de 3 mois.');
	await expect(cafLine).toContainText(`Fiche enfant : ${number}`);
	// Only the refused one is asked for again: the town closed the fiche without the others.
	await expect(toProvide.getByRole('listitem').filter({ hasText: 'Livret de famille' })).toHaveCount(0);
	await cafLine.getByLabel('Fournir un nouveau justificatif').setInputFiles({
		name: 'caf-novembre.pdf',
		mimeType: 'application/pdf',
		buffer: PDF
	});
	await expect(cafLine).toContainText('À valider', { timeout: 20_000 });
	await page.getByRole('link', { name: 'Lire : Demande acceptée' }).first().click();
	await expect(page.getByText(`La mairie a accepté votre demande n° ${number}`)).toBeVisible();
	await page.goto('/echanges');
	await expect(page.getByRole('link', { name: 'Lire : Demande acceptée' }).first()).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('echanges-360.png'), fullPage: true });

	// Mes demandes says Clos; the agenda now has Lou, and his canteen can be booked.
	await page.goto('/demandes');
	await expect(page.locator('main')).toContainText('Clos');
	await page.goto('/agenda');
	await page.getByLabel('Agenda de').selectOption({ label: 'DUPIN Lou' });
	await expect(page.getByRole('heading', { level: 1, name: 'Agenda de DUPIN Lou' })).toBeVisible();
	await page.getByRole('button', { name: /^jeudi 3 décembre 2026 :/ }).click();
	await lunch(page)
		.getByRole('button', { name: /^Réserver/ })
		.click();
	await expect(lunch(page)).toContainText('Réservé');
	await expect(page.getByText('modifications en attente')).toHaveCount(0);
});
