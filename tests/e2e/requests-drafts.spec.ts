import { expect, expectNoAxeViolations, test, waitForServiceWorker } from './support/fixtures.ts';
import { DEMO, signIn } from './support/citizens.ts';
import { draftOnServer, outboxSent, signInTo, startDemande, storedDraft } from './support/requests-page.ts';

test.use({ demo: true });

const OBJET = 'Nid-de-poule rue de la Mairie';

test.describe('a draft survives anything', () => {
	test('typed with the server stopped and reloaded, then sent once it is back, found with its number', async ({
		page,
		portal
	}) => {
		await signInTo(page, '/demarches/contacter-la-mairie');
		await waitForServiceWorker(page);
		const id = await startDemande(page);
		await page.getByLabel('Objet').fill(OBJET);
		// Saved on the server too, a moment after the typing stops.
		await draftOnServer(page, id);
		expect(await storedDraft(page, id)).toMatchObject({ data: { message: { objet: OBJET } } });

		await portal.stop();
		await page.getByLabel('Message').fill('Il est devant le n° 3.');
		// Written to the device at the change; the reload comes once that write has landed (a
		// reload within the same few milliseconds could abort IndexedDB's transaction).
		await expect
			.poll(async () => (await storedDraft(page, id))?.data)
			.toMatchObject({ message: { message: 'Il est devant le n° 3.' } });
		await page.reload();
		await expect(page.getByLabel('Objet')).toHaveValue(OBJET);
		await expect(page.getByLabel('Message')).toHaveValue('Il est devant le n° 3.');
		await page.getByRole('button', { name: 'Suivant' }).click();
		await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
		await expect(page.getByRole('heading', { name: "Demande en attente d'envoi" })).toBeFocused();

		// Mes demandes, from the device alone: the sending waits.
		await page.getByRole('link', { name: 'Mes demandes' }).first().click();
		const row = page
			.getByRole('row')
			.filter({ hasText: 'Contacter la mairie' })
			.filter({ hasNotText: 'Clos' });
		await expect(row).toContainText("En attente d'envoi");
		// The network is there, the portal is not: said as it is.
		await expect(page.getByRole('status').filter({ hasText: 'Le portail ne répond pas' })).toBeVisible();

		await portal.start();
		// The engine tries again on its own too: when its retry comes first, the button has gone.
		const synchroniser = page.getByRole('button', { name: 'Synchroniser' });
		await synchroniser.click({ timeout: 5_000 }).catch(async () => {
			await expect(synchroniser).toHaveCount(0);
		});
		await expect(row).toContainText('Envoyée', { timeout: 20_000 });
		const number = (await row.getByRole('cell').first().textContent())?.trim();
		expect(number).toMatch(/^\d+$/);
		await row.getByRole('link', { name: /Consulter/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Contacter la mairie n° ${number}`);
		await expect(page.getByText('Il est devant le n° 3.')).toBeVisible();
	});

	test('is continued on another device, and a change on both is the parent’s choice', async ({
		page,
		browser,
		baseURL
	}) => {
		await signInTo(page, '/demarches/contacter-la-mairie');
		const id = await startDemande(page);
		await page.getByLabel('Objet').fill(OBJET);
		await draftOnServer(page, id);

		// The computer at night: the draft is offered on the procedure's page and in Mes demandes.
		const computer = await browser.newContext({ baseURL });
		const other = await computer.newPage();
		await signInTo(other, '/demarches/contacter-la-mairie');
		await expect(
			other.getByRole('heading', { name: 'Vous avez déjà commencé cette démarche' })
		).toBeVisible();
		await expect(other.getByRole('region', { name: 'Vous avez déjà commencé cette démarche' })).toContainText(
			'Une nouvelle demande ne remplace pas vos brouillons'
		);
		await expectNoAxeViolations(other);
		await other.getByRole('link', { name: /Reprendre mon brouillon/ }).click();
		await expect(other).toHaveURL(new RegExp(`/demandes/${id}/formulaire$`));
		await expect(other.getByLabel('Objet')).toHaveValue(OBJET);
		await other.getByLabel('Message').fill('Écrit sur l’ordinateur.');
		await draftOnServer(other, id);

		// The phone, nothing typed since: it takes the computer's version silently.
		await page.reload();
		await expect(page.getByLabel('Message')).toHaveValue('Écrit sur l’ordinateur.', { timeout: 15_000 });

		// Both change it while the phone is offline: the phone is asked which to keep.
		await page.context().setOffline(true);
		await page.getByLabel('Objet').fill('Version du téléphone');
		await other.getByLabel('Objet').fill('Version de l’ordinateur');
		await draftOnServer(other, id);
		await page.context().setOffline(false);
		await page.evaluate(() => window.dispatchEvent(new Event('online')));
		const choice = page.getByRole('alert').filter({ hasText: 'modifié sur un autre appareil' });
		await expect(choice).toBeVisible({ timeout: 20_000 });
		await expect(choice).toContainText('Cet appareil :');
		await expect(choice).toContainText('Autre appareil :');
		await expectNoAxeViolations(page);
		// The versions are told apart to the second; the keyboard lands on the step after the choice.
		await expect(choice).toContainText(/modifié le \d\d\/\d\d\/\d{4} à \d\d:\d\d:\d\d/);
		await choice.getByRole('button', { name: 'Garder la version de cet appareil' }).click();
		await expect(choice).toHaveCount(0);
		await expect(page.getByRole('heading', { level: 2, name: 'Votre message' })).toBeFocused();
		await draftOnServer(page, id);
		await other.reload();
		await expect(other.getByLabel('Objet')).toHaveValue('Version du téléphone', { timeout: 15_000 });

		// Again, and this time the phone keeps the computer's version.
		await page.context().setOffline(true);
		await page.getByLabel('Objet').fill('Deuxième version du téléphone');
		await other.getByLabel('Objet').fill('Deuxième version de l’ordinateur');
		await draftOnServer(other, id);
		await page.context().setOffline(false);
		await page.evaluate(() => window.dispatchEvent(new Event('online')));
		await expect(choice).toBeVisible({ timeout: 20_000 });
		await choice.getByRole('button', { name: "Garder la version de l'autre appareil" }).click();
		await expect(choice).toHaveCount(0);
		await expect(page.getByLabel('Objet')).toHaveValue('Deuxième version de l’ordinateur', {
			timeout: 15_000
		});
		await computer.close();
	});

	test('Mes demandes opens with the server stopped, and a draft is deleted after a confirmation', async ({
		page,
		portal
	}) => {
		await signInTo(page, '/demarches/contacter-la-mairie');
		await waitForServiceWorker(page);
		const id = await startDemande(page);
		await page.getByLabel('Objet').fill(OBJET);
		await draftOnServer(page, id);
		await page.getByRole('link', { name: 'Mes demandes' }).first().click();
		const row = page
			.getByRole('row')
			.filter({ hasText: 'Contacter la mairie' })
			.filter({ hasNotText: 'Clos' });
		await expect(row).toContainText('Brouillon');
		await expect(row.getByRole('cell').first()).toHaveText(/^\d+$/);

		await portal.stop();
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Mes demandes' })).toBeVisible();
		await expect(row).toContainText('Brouillon');
		await expectNoAxeViolations(page);

		await row.getByRole('button', { name: /Supprimer/ }).click();
		const dialog = page.getByRole('dialog', { name: 'Supprimer ce brouillon ?' });
		await expect(dialog.getByRole('button', { name: 'Non, revenir' })).toBeFocused();
		await expectNoAxeViolations(page);
		await dialog.getByRole('button', { name: 'Oui, supprimer' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'a été supprimé' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1, name: 'Mes demandes' })).toBeFocused();
		await expect(row).toHaveCount(0);

		// Deleted on the server too once it is back: a new sign-in finds nothing.
		await portal.start();
		// The engine tries again on its own too: when its retry comes first, the button has gone.
		const synchroniser = page.getByRole('button', { name: 'Synchroniser' });
		await synchroniser.click({ timeout: 5_000 }).catch(async () => {
			await expect(synchroniser).toHaveCount(0);
		});
		await outboxSent(page);
		await page.context().clearCookies();
		await page.evaluate(() => indexedDB.deleteDatabase('portail-citoyen'));
		await page.goto('/connexion?retour=%2Fdemandes');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		await expect(page.getByRole('heading', { level: 1, name: 'Mes demandes' })).toBeVisible();
		await expect(page.getByText('Liste à jour')).toBeVisible();
		await expect(row).toHaveCount(0);
	});

	test('"Annuler la demande" deletes the draft and says so in Mes demandes, the keyboard on its title', async ({
		page
	}) => {
		await signInTo(page, '/demarches/contacter-la-mairie');
		const id = await startDemande(page);
		await page.getByLabel('Objet').fill('À annuler');
		await draftOnServer(page, id);
		await page.getByRole('button', { name: 'Annuler la demande' }).click();
		await page.getByRole('button', { name: 'Oui, supprimer le brouillon' }).click();
		await expect(page).toHaveURL(/\/demandes$/);
		await expect(
			page.getByRole('status').filter({ hasText: /Le brouillon Contacter la mairie n° \d+ a été supprimé\./ })
		).toBeVisible();
		await expect(page.getByRole('heading', { level: 1, name: 'Mes demandes' })).toBeFocused();
		await expect(page.getByRole('row').filter({ hasText: 'À annuler' })).toHaveCount(0);
	});
});
