import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { agentSignsIn } from './support/backoffice.ts';
import { linkIn } from './support/smtp.ts';

test.use({ demo: true });

test('the administrator invites an agent, who activates his account; disabled, he is signed out at once', async ({
	browser,
	baseURL,
	mailServer
}, testInfo) => {
	const { office, agent: admin } = await agentSignsIn(browser, baseURL!);
	await admin.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Agents' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible();
	await expectNoAxeViolations(admin);

	// Nothing typed: said beside the fields, nothing sent.
	await admin.getByRole('button', { name: 'Envoyer l’invitation' }).click();
	await expect(admin.getByLabel('Prénom')).toHaveAttribute('aria-invalid', 'true');
	await admin.getByLabel('Prénom').fill('Paul');
	await admin.getByRole('textbox', { name: 'Nom', exact: true }).fill('Agent');
	await admin.getByLabel('Courriel').fill('paul.agent@mairie.example.fr');
	await admin.getByRole('combobox', { name: 'Rôle' }).selectOption({ index: 1 });
	await admin.getByRole('button', { name: 'Envoyer l’invitation' }).dblclick();
	await expect(admin.getByRole('row', { name: /AGENT Paul|Paul Agent/i })).toContainText(
		'Invitation envoyée'
	);
	await admin.screenshot({ path: testInfo.outputPath('agents-1366.png'), fullPage: true });

	// The new agent, on his own computer, from the e-mail's link to the back office.
	const mail = await mailServer.waitFor('paul.agent@mairie.example.fr', 'Activez votre compte agent');
	const desk = await browser.newContext({ baseURL, viewport: { width: 1024, height: 800 } });
	const paul = await desk.newPage();
	await paul.goto(linkIn(mail, '/mot-de-passe/nouveau'));
	await expect(paul.getByText('Choisissez le mot de passe de votre compte agent')).toBeVisible();
	await paul.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Boulogne-sur-Mer-62');
	await paul.getByLabel('Répéter votre mot de passe').fill('Boulogne-sur-Mer-62');
	await paul.getByRole('button', { name: 'Activer mon compte' }).click();
	await expect(paul.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
	// A plain agent: no Agents nor Journal in his navigation.
	await expect(
		paul.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Agents' })
	).toHaveCount(0);

	// Disabled by the administrator: his next page asks him to sign in again.
	await admin.reload();
	await admin
		.getByRole('row', { name: /Paul/ })
		.getByRole('button', { name: /Désactiver/ })
		.click();
	await admin
		.getByRole('dialog', { name: 'Désactiver ce compte ?' })
		.getByRole('button', { name: 'Oui, désactiver' })
		.click();
	await expect(admin.getByRole('row', { name: /Paul/ })).toContainText('Désactivé');
	await paul.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Demandes' }).click();
	await expect(paul).toHaveURL(/\/connexion/, { timeout: 20_000 });

	// The journal says who did what.
	await admin.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Journal' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Journal' })).toBeVisible();
	await expect(admin.locator('main')).toContainText('agent.desactiver');
	await expectNoAxeViolations(admin);
	await desk.close();
	await office.close();
});
