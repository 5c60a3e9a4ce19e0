import { expect, test } from './support/fixtures.ts';
import { agentSignsIn, parentSendsContact } from './support/backoffice.ts';
import { tabTo } from './support/keyboard.ts';

test.use({ demo: true });

test('an agent treats a demande with the keyboard alone, the focus somewhere sensible after each action', async ({
	browser,
	page,
	baseURL
}) => {
	const { number } = await parentSendsContact(
		page,
		'Cantine le mercredi',
		'Bonjour, la cantine est-elle ouverte le mercredi ?'
	);
	const { office, agent } = await agentSignsIn(browser, baseURL!, { width: 1024, height: 800 });

	// To the queue and the demande, by Tab and Enter.
	await tabTo(
		agent,
		agent.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Demandes' })
	);
	await agent.keyboard.press('Enter');
	await expect(agent.getByRole('heading', { level: 1, name: 'Demandes' })).toBeVisible();
	await tabTo(agent, agent.getByRole('link', { name: `n° ${number}`, exact: true }));
	await agent.keyboard.press('Enter');
	await expect(
		agent.getByRole('heading', { level: 1, name: new RegExp(`Demande n° ${number}`) })
	).toBeVisible();

	await tabTo(agent, agent.getByRole('button', { name: 'Prendre en charge' }));
	await agent.keyboard.press('Enter');
	await expect(agent.getByRole('status').filter({ hasText: 'En cours de traitement' })).toBeFocused();

	// Refuser without a reason: the keyboard on the field that needs it.
	await tabTo(agent, agent.getByRole('button', { name: 'Refuser' }));
	await agent.keyboard.press('Enter');
	const motif = agent.getByLabel('Motif du refus');
	await expect(motif).toBeFocused();
	await agent.keyboard.type('Pas de cantine le mercredi : voir l’accueil de loisirs.');

	// Accepter opens its question on the safe answer; Escape gives the focus back to Accepter.
	await tabTo(agent, agent.getByRole('button', { name: 'Accepter' }), { back: true });
	await agent.keyboard.press('Enter');
	const dialog = agent.getByRole('dialog', { name: `Accepter la demande n° ${number} ?` });
	await expect(dialog.getByRole('button', { name: 'Non, revenir' })).toBeFocused();
	await agent.keyboard.press('Escape');
	await expect(agent.getByRole('button', { name: 'Accepter' })).toBeFocused();

	await tabTo(agent, agent.getByRole('button', { name: 'Refuser' }));
	await agent.keyboard.press('Enter');
	await expect(agent.getByRole('status').filter({ hasText: '« Refusée »' })).toBeFocused();

	// A message in the thread, then a private note, each leaving the focus on what it did.
	await tabTo(agent, agent.getByLabel('Message à la famille'));
	await agent.keyboard.type('Les inscriptions à l’accueil de loisirs se font en mairie.');
	await tabTo(agent, agent.getByRole('button', { name: 'Envoyer' }));
	await agent.keyboard.press('Enter');
	await expect(agent.getByRole('status').filter({ hasText: 'envoyé à la famille' })).toBeFocused();
	await tabTo(agent, agent.getByLabel('Nouvelle annotation'));
	await agent.keyboard.type('Rappeler la famille en janvier');
	await agent.keyboard.press('Tab');
	await agent.keyboard.press('Enter');
	await expect(agent.getByRole('heading', { name: 'Annotations privées' })).toBeFocused();
	await expect(agent.getByRole('region', { name: 'Annotations privées' })).toContainText(
		'Rappeler la famille'
	);
	await office.close();
});
