import { identitySchema } from '../../src/lib/domain/accounts/identity.ts';
import { fieldErrors } from '../../src/lib/domain/forms/field-errors.ts';
import { withFrenchSpacing } from '../../src/lib/domain/text/french-spacing.ts';
import { DEMO, signIn } from './support/citizens.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';

test.use({ demo: true });

/** Every démarche of the town's catalogue has its form in this version. */
const NOT_YET_ONLINE: string[] = [];

test.describe('démarches of the catalogue', () => {
	test('none is marked "Bientôt en ligne" now that each has its form; the salle des fêtes offers its request', async ({
		page
	}) => {
		await page.goto('/');
		await expect(page.locator('.procedure').first()).toBeVisible();
		await expect(page.locator('.procedure').filter({ hasText: 'Bientôt en ligne' })).toHaveCount(0);
		await expectNoAxeViolations(page);

		await page.goto('/connexion?retour=%2Fdemarches%2Flocation-salle-des-fetes');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Location de la salle des fêtes' })
		).toBeVisible();
		// The demo family has a salle des fêtes draft: once the pull tells, the button reads as a new one.
		const start = /^(Faire une demande en ligne|Commencer une nouvelle demande)$/;
		await expect(page.getByRole('button', { name: start })).toBeVisible();
		await expect(page.getByText('Bientôt en ligne')).toHaveCount(0);
		await page.goto('/demarches/reservation-cantine');
		await expect(page.getByRole('link', { name: "Ouvrir l'agenda" })).toBeVisible();
	});
});

test.describe('"Mettre à jour mes informations", online', () => {
	test('its card is not marked, and Mon profil sends there for civil data', async ({ page }) => {
		await page.goto('/');
		const card = page.locator('.procedure').filter({ hasText: 'Mettre à jour mes informations' });
		await expect(card).toBeVisible();
		await expect(card.locator('.badges .soon')).toHaveCount(0);
		await expectNoAxeViolations(page);

		await page.goto('/connexion?retour=%2Fprofil');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		const civil = page.getByRole('region', { name: 'Mes données civiles' });
		await civil.getByRole('button', { name: /Détails/ }).click();
		await expect(civil).toContainText('demandez leur correction');
		await civil.getByRole('link', { name: 'Mettre à jour mes informations personnelles' }).click();
		await expect(page.getByRole('radio', { name: "Correction de données d'état civil" })).toBeVisible();
	});
});

test.describe('a bad e-mail confirmation link', () => {
	test('says the link is invalid or incomplete, not that fields are to correct', async ({ page }) => {
		for (const query of ['?jeton=zzz', '']) {
			await page.goto(`/profil/confirmer-courriel${query}`);
			await expect(page.getByRole('alert')).toHaveText('Lien invalide ou incomplet.');
			await expect(page.getByText('Certains champs sont à corriger.')).toHaveCount(0);
		}
		await expectNoAxeViolations(page);
	});
});

test.describe('the "Mon compte" menu', () => {
	test('opens under its button: from its left edge on a phone, from its right edge on a desktop', async ({
		page
	}) => {
		await page.goto('/connexion');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		const button = page.getByRole('button', { name: 'Mon compte' });
		const menu = page.locator('#menu-compte');
		for (const width of [320, 360, 1366]) {
			await page.setViewportSize({ width, height: 800 });
			await button.click();
			await expect(menu).toBeVisible();
			const b = (await button.boundingBox())!;
			const m = (await menu.boundingBox())!;
			expect(m.y, `${width} px`).toBeGreaterThanOrEqual(b.y + b.height);
			expect(m.x, `${width} px`).toBeGreaterThanOrEqual(0);
			expect(m.x + m.width, `${width} px`).toBeLessThanOrEqual(width);
			// Beside its button: one of its edges is the button's.
			const aligned = Math.min(Math.abs(m.x - b.x), Math.abs(m.x + m.width - (b.x + b.width)));
			expect(aligned, `${width} px`).toBeLessThanOrEqual(1);
			const edge = width < 400 ? m.x - b.x : m.x + m.width - (b.x + b.width);
			expect(Math.abs(edge), `${width} px`).toBeLessThanOrEqual(1);
			await page.keyboard.press('Escape');
			await expect(menu).toBeHidden();
		}
	});
});

test.describe('signed in', () => {
	test('the home page no longer talks to a stranger, and sign-in and account forms are not offered again', async ({
		page
	}) => {
		await page.goto('/connexion');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		await expect(page.getByRole('banner').getByText('Bonjour Pascal DUPIN')).toBeVisible();
		const catalog = page.getByRole('region', { name: 'Les démarches en ligne' });
		await expect(catalog.locator('.procedure')).toHaveCount(6);
		await expect(page.getByText('Sans être identifié')).toHaveCount(0);
		await expect(page.getByText('Identification requise')).toHaveCount(0);
		await expect(catalog.getByText('Choisissez une démarche.')).toBeVisible();
		await expect(catalog.locator('.procedure').filter({ hasText: 'Bientôt en ligne' })).toHaveCount(
			NOT_YET_ONLINE.length
		);

		for (const path of ['/connexion', '/creer-mon-compte', '/creer-mon-compte/formulaire']) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1, name: 'Vous êtes déjà connecté' })).toBeVisible();
			await expect(page.getByRole('main')).toContainText('Pascal DUPIN');
			await expect(page.getByRole('button', { name: 'Me connecter' })).toHaveCount(0);
			await expect(page.getByLabel('Nom de naissance')).toHaveCount(0);
			await expectNoAxeViolations(page);
		}
		// Asked for a page: it opens at once.
		await page.goto('/connexion?retour=%2Fprofil');
		await expect(page).toHaveURL(/\/profil$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
	});
});

test.describe('unknown addresses', () => {
	test('a French page inside the portal, with a way home, for pages and files alike', async ({
		page,
		request
	}) => {
		for (const path of ['/nimporte-quoi', '/dossier/fichier-absent.pdf', '/_app/immutable/absent.js']) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
			await expect(page.getByRole('banner').getByRole('link', { name: 'Me connecter' })).toBeVisible();
			await expect(page).toHaveTitle(/^Page introuvable — Ville de Hesdigneul-lès-Boulogne$/);
		}
		await expect(page.getByText('Not Found')).toHaveCount(0);
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: "Retour à l'accueil" }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Bienvenue sur le portail citoyen' })
		).toBeVisible();

		// A missing file is a real 404 (before the service worker answers for it): to a browser tab,
		// the app's page; to a script or an image, a French page too, never English.
		const tab = await request.get('/dossier/fichier-absent.pdf', { headers: { Accept: 'text/html' } });
		expect(tab.status()).toBe(404);
		expect(await tab.text()).toContain('<meta name="town-name" content="Ville de Hesdigneul-lès-Boulogne"');
		const asset = await request.get('/_app/immutable/absent.js', { headers: { Accept: '*/*' } });
		expect(asset.status()).toBe(404);
		expect(asset.headers()['content-type']).toContain('text/html');
		const text = await asset.text();
		expect(text).toContain('<html lang="fr">');
		expect(text).toContain('Page introuvable');
		expect(text).toContain('<a href="/">');
	});
});

test.describe('every error the schema gives', () => {
	test('registration shows all of them at once, each beside its field, in the schema’s words', async ({
		page
	}) => {
		await page.goto('/creer-mon-compte/formulaire');
		await page.getByLabel('Année').fill('1800');
		await page.getByLabel('Jour').fill('01');
		await page.getByLabel('Mois').fill('01');
		await page.getByRole('button', { name: 'Suivant' }).click();
		const today = new Date().toISOString().slice(0, 10);
		const expected = fieldErrors(
			identitySchema(today).safeParse({
				civilite: '',
				nomNaissance: '',
				prenom: '',
				prenom2: '',
				prenom3: '',
				dateNaissance: { jour: '01', mois: '01', annee: '1800' },
				paysNaissance: 'France',
				communeNaissance: '',
				departementNaissance: '',
				email: ''
			}).error!
		);
		const shown = page.locator('form .field .error');
		await expect(shown).toHaveCount(Object.keys(expected).length + 1);
		const texts = (await shown.allTextContents()).map((t) => t.replace(/^⚠\s*/, '').trim());
		expect(texts.sort()).toEqual(
			// As the schema says them, set in French typography (a no-break space before ":").
			[...Object.values(expected).map(withFrenchSpacing), 'Cochez la case de vérification anti-robot.'].sort()
		);
		await expect(page.locator('#date-naissance-erreur')).toContainText(expected.dateNaissance ?? '');
		await expect(page.getByLabel('Civilité')).toBeFocused();
	});
});
