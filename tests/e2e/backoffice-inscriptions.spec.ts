import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { agentSignsIn } from './support/backoffice.ts';
import { dayButton, lunch, MONDAY_9AM, openAgenda } from './support/agenda-page.ts';

test.use({ demo: true, serverNow: MONDAY_9AM });

test('an agent takes a child off the canteen: his booking to come is cancelled and refunded, the family told', async ({
	browser,
	page,
	baseURL
}, testInfo) => {
	// Tim's canteen booked for Thursday.
	await openAgenda(page);
	await dayButton(page, 'jeudi 3 décembre 2026').click();
	await lunch(page)
		.getByRole('button', { name: /^Réserver/ })
		.click();
	await expect(lunch(page)).toContainText('Réservé');
	await expect(page.getByText('modifications en attente')).toHaveCount(0);

	const { office, agent } = await agentSignsIn(browser, baseURL!, { now: MONDAY_9AM });
	await agent
		.getByRole('navigation', { name: 'Back office' })
		.getByRole('link', { name: 'Familles' })
		.click();
	await agent.getByLabel('Rechercher une famille').fill('dupin');
	await agent.getByRole('button', { name: 'Rechercher' }).click();
	await agent.getByRole('link', { name: /DUPIN Pascal/ }).click();
	const modify = agent.getByRole('button', { name: 'Modifier les inscriptions de Tim' });
	await modify.click();
	await expect(agent.getByRole('heading', { level: 3, name: 'Inscriptions de DUPIN Tim' })).toBeFocused();
	// Annuler gives the keyboard back to the button that opened it.
	await agent.getByRole('button', { name: 'Annuler' }).click();
	await expect(modify).toBeFocused();
	await modify.click();
	await agent.getByLabel('Restauration scolaire').uncheck();
	await expect(agent.getByText(/les réservations à venir seront annulées et remboursées/)).toBeVisible();
	await expectNoAxeViolations(agent);
	await agent.screenshot({ path: testInfo.outputPath('inscriptions-1366.png'), fullPage: true });
	await agent.getByRole('button', { name: 'Enregistrer les inscriptions' }).dblclick();
	const outcome = agent.getByRole('status').filter({ hasText: 'Inscriptions enregistrées' });
	await expect(outcome).toBeFocused();
	await expect(outcome).toContainText('Désinscrit de : Restauration scolaire');
	await expect(outcome).toContainText('Réservations à venir annulées et remboursées : 1');
	await office.close();

	// The family is told, and the agenda no longer offers the canteen to Tim.
	await page.goto('/echanges');
	await expect(page.getByRole('link', { name: /^Échanges, 1 non lu$/ })).toBeVisible({ timeout: 20_000 });
	await page.getByRole('link', { name: 'Lire : Information' }).first().click();
	await expect(page.getByText(/Restauration scolaire/).first()).toBeVisible();
	await page.goto('/agenda');
	await dayButton(page, 'jeudi 3 décembre 2026').click();
	await expect(lunch(page)).toHaveCount(0);
});
