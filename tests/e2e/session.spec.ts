import type { Page } from '@playwright/test';
import { DEMO, deviceData, registerCitizen, signIn } from './support/citizens.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';

// Monday 30 November 2026, 09:00 in Paris, for the server and the browser alike.
const MONDAY_9AM = '2026-11-30T08:00:00.000Z';

test.use({ demo: true, serverNow: MONDAY_9AM });

async function openAgendaAsPascal(page: Page) {
	await page.clock.setFixedTime(new Date(MONDAY_9AM));
	await page.goto('/connexion?retour=%2Fagenda');
	await signIn(page, DEMO.identifiant, DEMO.motDePasse);
	await expect(page.getByRole('heading', { level: 1, name: 'Agenda de DUPIN Tim' })).toBeVisible();
	await expect(page.getByText(/Agenda à jour au/)).toBeVisible();
}

const greeting = (page: Page) => page.getByRole('banner').getByText('Bonjour Pascal DUPIN');

test.describe('one household on the device at a time', () => {
	test('"Déconnexion" (keyboard alone) wipes the household from the device; the next account finds nothing of it', async ({
		page,
		request,
		mailServer,
		baseURL
	}) => {
		const claire = await registerCitizen(request, mailServer, baseURL ?? '');
		await openAgendaAsPascal(page);
		expect(await deviceData(page)).toMatchObject({
			account: { identifiant: 'pascal.dupin' },
			agendaPersons: ['Tim']
		});

		// The account menu with the keyboard: open, Escape back to the button, open, go to Déconnexion.
		const menuButton = page.getByRole('button', { name: 'Mon compte' });
		await menuButton.focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('link', { name: 'Mon profil' })).toBeVisible();
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'Mon profil' })).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('link', { name: 'Mon profil' })).toBeHidden();
		await expect(menuButton).toBeFocused();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: 'Déconnexion' })).toBeFocused();
		await page.keyboard.press('Enter');

		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('banner').getByRole('link', { name: 'Me connecter' })).toBeVisible();
		expect(await deviceData(page)).toEqual({ account: null, agendaPersons: null, outbox: 0, outcomes: 0 });

		await page.goto('/connexion?retour=%2Fagenda');
		await signIn(page, claire.identifiant, claire.motDePasse);
		await expect(
			page.getByText("Aucune personne de votre foyer n'est inscrite à une activité.")
		).toBeVisible();
		expect(await deviceData(page)).toMatchObject({
			account: { identifiant: claire.identifiant },
			agendaPersons: [],
			outbox: 0
		});
	});

	test('another account signing in without a sign-out gets nothing of the previous household: its waiting bookings are never sent', async ({
		page,
		context,
		portal,
		request,
		mailServer,
		baseURL
	}) => {
		const claire = await registerCitizen(request, mailServer, baseURL ?? '');
		await openAgendaAsPascal(page);
		await page.evaluate(() => navigator.serviceWorker.ready);

		// Offline, Pascal books a lunch: it waits in the outbox.
		await portal.stop();
		await page.getByRole('button', { name: /^jeudi 3 décembre 2026 :/ }).click();
		const lunch = page.getByRole('listitem').filter({ hasText: 'Restauration scolaire (Repas de midi)' });
		await lunch.getByRole('button', { name: /^Réserver/ }).click();
		await expect(lunch).toContainText('Réservation en attente d’envoi');
		expect(await deviceData(page)).toMatchObject({ account: { identifiant: 'pascal.dupin' }, outbox: 1 });

		// His session ends without "Déconnexion" (it expired), and Claire signs in on the same browser.
		await context.clearCookies();
		await portal.start();
		await page.goto('/connexion');
		await signIn(page, claire.identifiant, claire.motDePasse);
		await expect(page.getByRole('banner').getByText('Bonjour Claire MARTIN')).toBeVisible();
		expect(await deviceData(page)).toEqual({
			account: { identifiant: claire.identifiant, signedIn: true },
			agendaPersons: null,
			outbox: 0,
			outcomes: 0
		});
		await page.goto('/agenda');
		await expect(
			page.getByText("Aucune personne de votre foyer n'est inscrite à une activité.")
		).toBeVisible();
		expect(await deviceData(page)).toMatchObject({ agendaPersons: [], outbox: 0, outcomes: 0 });
	});

	test('the same account signing in again after its session expired still sends its waiting bookings', async ({
		page,
		context,
		portal
	}) => {
		await openAgendaAsPascal(page);
		await page.evaluate(() => navigator.serviceWorker.ready);
		await portal.stop();
		await page.getByRole('button', { name: /^jeudi 3 décembre 2026 :/ }).click();
		const lunch = page.getByRole('listitem').filter({ hasText: 'Restauration scolaire (Repas de midi)' });
		await lunch.getByRole('button', { name: /^Réserver/ }).click();
		await expect(lunch).toContainText('Réservation en attente d’envoi');

		await context.clearCookies();
		await portal.start();
		await page.goto('/connexion?retour=%2Fagenda');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		await page.getByRole('button', { name: /^jeudi 3 décembre 2026 :/ }).click();
		await expect(lunch).toContainText('Réservé');
		await expect(page.getByText('modifications en attente')).toHaveCount(0);
		expect(await deviceData(page)).toMatchObject({ outbox: 0 });
	});
});

test.describe('signing out while the server cannot be reached', () => {
	test('the device is wiped at once, and the session ends on the server as soon as it answers', async ({
		page,
		context,
		portal,
		request
	}) => {
		await page.goto('/connexion');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		await expect(greeting(page)).toBeVisible();
		const cookie = (await context.cookies()).find((c) => c.name === 'portail_session');
		expect(cookie).toBeTruthy();

		await portal.stop();
		await page.getByRole('button', { name: 'Mon compte' }).click();
		await page.getByRole('button', { name: 'Déconnexion' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté de cet appareil' })
		).toContainText('la fin de votre session lui sera envoyée dès le retour du réseau');
		await expect(greeting(page)).toHaveCount(0);
		expect(await deviceData(page)).toMatchObject({ account: null, outbox: 0 });

		// The next visit, once the server is back: signed out, on the server too.
		await portal.start();
		await page.reload();
		await expect(page.getByRole('banner').getByRole('link', { name: 'Me connecter' })).toBeVisible();
		await expect(page.getByText('Vous êtes déconnecté de cet appareil')).toHaveCount(0);
		const withOldCookie = await request.get('/api/auth/session', {
			headers: { Cookie: `portail_session=${cookie?.value}` }
		});
		expect((await withOldCookie.json()).account).toBeNull();
		await page.goto('/profil');
		await expect(page).toHaveURL(/\/connexion\?retour=%2Fprofil$/);
	});
});

test.describe('a session that ends while a page is open', () => {
	test('signed out in another tab: every citizen page says so, the header stops greeting', async ({
		page,
		context
	}) => {
		await page.goto('/connexion?retour=%2Fprofil');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
		const agenda = await context.newPage();
		await agenda.goto('/agenda');
		await expect(agenda.getByRole('heading', { level: 1, name: 'Agenda de DUPIN Tim' })).toBeVisible();

		const other = await context.newPage();
		await other.goto('/');
		await other.getByRole('button', { name: 'Mon compte' }).click();
		await other.getByRole('button', { name: 'Déconnexion' }).click();
		await expect(other.getByRole('banner').getByRole('link', { name: 'Me connecter' })).toBeVisible();

		for (const [tab, back] of [
			[page, '%2Fprofil'],
			[agenda, '%2Fagenda']
		] as const) {
			const heading = tab.getByRole('heading', { level: 1, name: 'Vous avez été déconnecté' });
			await expect(heading).toBeVisible();
			await expect(heading).toBeFocused();
			await expect(tab.getByRole('link', { name: 'Me connecter' }).last()).toHaveAttribute(
				'href',
				`/connexion?retour=${back}`
			);
			await expect(greeting(tab)).toHaveCount(0);
			await expect(tab.getByText('DUPIN Tim')).toHaveCount(0);
			await expect(tab.getByText(/Chargement/)).toHaveCount(0);
		}
		await expectNoAxeViolations(page);

		// Signing in again from there brings the page back.
		await page.getByRole('main').getByRole('link', { name: 'Me connecter' }).click();
		await expect(page).toHaveURL(/\/connexion\?retour=%2Fprofil$/);
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
	});

	test('a 401 from the server while the page believes it is signed in brings the same state', async ({
		page,
		baseURL
	}) => {
		await page.goto('/connexion?retour=%2Fprofil');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		const contact = page.getByRole('region', { name: 'Mes informations de contact' });
		await contact.getByRole('button', { name: /Détails/ }).click();
		// The session ends behind the page's back (as a password reset elsewhere would).
		const ended = await page.request.post('/api/auth/logout', { headers: { Origin: baseURL ?? '' } });
		expect(ended.ok()).toBe(true);

		await contact.getByLabel('Téléphone fixe').fill('03 21 00 00 00');
		await contact.getByRole('button', { name: 'Enregistrer les téléphones' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Vous avez été déconnecté' })).toBeVisible();
		await expect(greeting(page)).toHaveCount(0);
		await expect(page.getByRole('banner').getByRole('link', { name: 'Me connecter' })).toBeVisible();
	});
});
