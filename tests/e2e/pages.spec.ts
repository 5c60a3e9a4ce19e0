import { identitySchema } from '../../src/lib/domain/accounts/identity.ts';
import { fieldErrors } from '../../src/lib/domain/forms/field-errors.ts';
import { DEMO, signIn } from './support/citizens.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';

test.use({ demo: true });

const NOT_YET_ONLINE = ['Fiche enfant', 'Contacter la mairie', 'Location de la salle des fêtes'];

test.describe('démarches not open yet', () => {
	test('are marked "Bientôt en ligne" in the list, signed out or in, and on their page', async ({ page }) => {
		await page.goto('/');
		const soon = page.locator('.procedure').filter({ hasText: 'Bientôt en ligne' }).locator('.label');
		await expect(soon).toHaveText(NOT_YET_ONLINE);
		await expectNoAxeViolations(page);

		await page.goto('/connexion?retour=%2Fdemarches%2Fcontacter-la-mairie');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		await expect(page.getByRole('heading', { level: 1, name: 'Contacter la mairie' })).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: 'Bientôt en ligne' })).toBeVisible();
		await page.goto('/demarches/reservation-cantine');
		await expect(page.getByRole('link', { name: "Ouvrir l'agenda" })).toBeVisible();
		await expect(page.getByText('Bientôt en ligne')).toHaveCount(0);
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
		await expect(catalog.locator('.procedure').filter({ hasText: 'Bientôt en ligne' })).toHaveCount(3);

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
			[...Object.values(expected), 'Cochez la case de vérification anti-robot.'].sort()
		);
		await expect(page.locator('#date-naissance-erreur')).toContainText(expected.dateNaissance ?? '');
		await expect(page.getByLabel('Civilité')).toBeFocused();
	});
});
