import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { agentSignsIn, parentSendsContact } from './support/backoffice.ts';
import { outboxSent } from './support/requests-page.ts';

test.use({ demo: true });

async function agentOpens(browser: Browser, baseURL: string, number: string) {
	const { office, agent } = await agentSignsIn(browser, baseURL);
	await agent
		.getByRole('navigation', { name: 'Back office' })
		.getByRole('link', { name: 'Demandes' })
		.click();
	// The queue's filters: the Contacter la mairie nobody has taken yet, kept in the address.
	await agent.getByLabel('Type').selectOption({ label: 'Contacter la mairie' });
	await agent.getByLabel('Agent', { exact: true }).selectOption({ label: 'Personne' });
	await agent.getByRole('button', { name: 'Rechercher' }).click();
	await expect(agent).toHaveURL(/type=contact-mairie/);
	await expect(agent).toHaveURL(/agent=personne/);
	await expect(agent.getByRole('row').filter({ hasText: 'Fiche enfant' })).toHaveCount(0);
	await agent.getByRole('link', { name: `n° ${number}`, exact: true }).click();
	await expect(
		agent.getByRole('heading', { level: 1, name: `Demande n° ${number} : Contacter la mairie` })
	).toBeVisible();
	return { office, agent };
}

const facts = (agent: Page) => agent.locator('dl.facts');

test('a complément round trip: the agent asks, the family completes and sends again, the agent accepts', async ({
	browser,
	page,
	baseURL
}, testInfo) => {
	await page.setViewportSize({ width: 360, height: 800 });
	const { number, id } = await parentSendsContact(page);
	const { office, agent } = await agentOpens(browser, baseURL!, number);
	await expect(agent.getByText('Horaires de la garderie')).toBeVisible();
	await expect(facts(agent)).toContainText('Envoyée');
	await expectNoAxeViolations(agent);

	// Prendre en charge, pressed twice: once, the outcome focused.
	await agent.getByRole('button', { name: 'Prendre en charge' }).dblclick();
	const taken = agent.getByRole('status').filter({ hasText: 'En cours de traitement' });
	await expect(taken).toBeFocused();
	await expect(facts(agent)).toContainText('Agent MAIRIE Agnès');
	await expect(
		agent.getByRole('region', { name: 'Historique' }).getByText('En cours de traitement')
	).toHaveCount(1);

	// Demander un complément without a word: said beside the field, the keyboard on it.
	await agent.getByRole('button', { name: 'Demander un complément' }).click();
	const complement = agent.getByLabel('Complément demandé à la famille');
	await expect(complement).toBeFocused();
	await expect(complement).toHaveAccessibleDescription(/Indiquez ce que la famille doit compléter/);
	await complement.fill('Précisez le jour : lundi ou mercredi ?');
	await agent.getByRole('button', { name: 'Demander un complément' }).click();
	await expect(agent.getByRole('status').filter({ hasText: 'Complément demandé' })).toBeFocused();
	await expect(facts(agent)).toContainText('Complément demandé');

	// A private note: the agents' only.
	await agent.getByLabel('Nouvelle annotation').fill('Famille déjà venue en mairie');
	await agent.getByRole('button', { name: 'Ajouter l’annotation' }).click();
	await expect(agent.getByRole('region', { name: 'Annotations privées' })).toContainText(
		'Famille déjà venue en mairie'
	);
	await expectNoAxeViolations(agent);
	await agent.screenshot({ path: testInfo.outputPath('demande-1366.png'), fullPage: true });

	// The family reads the town's request in Échanges, completes the demande and sends it again.
	await page.goto('/echanges');
	await expect(page.getByRole('link', { name: /Échanges, \d+ non lus?/ })).toBeVisible({ timeout: 20_000 });
	await expect(page.getByRole('link', { name: 'Lire : Complément demandé' }).first()).toBeVisible();
	// One conversation, two messages unread: the line says so, as the navigation counts them.
	await expect(page.locator('.blocks').getByText('(2 messages)')).toBeVisible();
	await page.goto(`/demandes/${id}`);
	await expect(page.locator('main')).toContainText('Complément demandé');
	await page.getByRole('link', { name: 'Continuer la demande' }).click();
	// What the town asked for is said above the form; a demande sent back is completed, not deleted.
	const asked = page.getByRole('note');
	await expect(asked).toContainText('La mairie vous demande un complément.');
	await expect(asked).toContainText('Précisez le jour : lundi ou mercredi ?');
	await expect(page.getByRole('button', { name: 'Annuler la demande' })).toHaveCount(0);
	await page.screenshot({ path: testInfo.outputPath('complement-360.png'), fullPage: true });
	// It opens on the recap, as the family left it.
	await page.getByRole('button', { name: 'Modifier les informations' }).click();
	await page.getByLabel('Message').fill('Bonjour, le lundi : la garderie ouvre-t-elle à 7 h ?');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'a bien été envoyée' })).toBeVisible({
		timeout: 20_000
	});
	await outboxSent(page);
	expect(await page.content()).not.toContain('Famille déjà venue en mairie');

	// The agent sees the new answers, accepts (after the question), and the family reads Clos.
	await agent.reload();
	await expect(facts(agent)).toContainText('Envoyée');
	await expect(agent.getByText('le lundi')).toBeVisible();
	await agent.getByRole('button', { name: 'Accepter' }).click();
	const dialog = agent.getByRole('dialog', { name: `Accepter la demande n° ${number} ?` });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Oui, accepter' }).click();
	await expect(agent.getByRole('status').filter({ hasText: '« Clos »' })).toBeFocused();
	await expect(agent.getByText('il n’y a plus rien à décider')).toBeVisible();
	await office.close();

	await page.goto('/demandes');
	await expect(page.locator('main')).toContainText('Clos', { timeout: 20_000 });
});

test('two agents on one demande: the second is told it changed meanwhile, nothing applied twice', async ({
	browser,
	page,
	baseURL
}) => {
	const { number } = await parentSendsContact(page);
	const first = await agentOpens(browser, baseURL!, number);
	const second = await agentOpens(browser, baseURL!, number);
	await first.agent.getByRole('button', { name: 'Prendre en charge' }).click();
	await expect(first.agent.getByRole('status').filter({ hasText: 'En cours de traitement' })).toBeVisible();

	await second.agent.getByLabel('Motif du refus').fill('Hors compétence');
	await second.agent.getByRole('button', { name: 'Refuser' }).click();
	const told = second.agent.getByRole('alert').filter({ hasText: 'modifiée entre-temps' });
	await expect(told).toBeFocused();
	// It shows the demande as it is now, and the reason typed is still there.
	await expect(facts(second.agent)).toContainText('En cours de traitement');
	await expect(second.agent.getByLabel('Motif du refus')).toHaveValue('Hors compétence');
	await first.office.close();
	await second.office.close();
});
