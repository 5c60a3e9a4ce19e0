import { expectNoAxeViolations, expect, test } from './support/fixtures.ts';

const ALL = [
	'Mettre à jour mes informations personnelles',
	'Fiche enfant',
	'Réservation Cantine',
	'Réservation Garderie',
	'Contacter la mairie',
	'Location de la salle des fêtes'
];

test.describe("page d'accueil (non connecté)", () => {
	test('shows the town, the news and every téléprocédure grouped as in the manual', async ({ page }) => {
		await page.goto('/');
		const header = page.getByRole('banner');
		await expect(header.getByRole('link', { name: 'Ville de Hesdigneul-lès-Boulogne' })).toBeVisible();
		await expect(header.getByRole('link', { name: 'Me connecter' })).toBeVisible();
		await expect(header.getByRole('link', { name: 'Créer mon compte' })).toBeVisible();
		await expect(page).toHaveTitle(/Hesdigneul-lès-Boulogne/);

		const news = page.getByRole('region', { name: 'Actualités' });
		await expect(news.getByRole('heading', { name: /^Bienvenue/ })).toBeVisible();

		const catalog = page.getByRole('region', { name: 'Les démarches en ligne' });
		await expect(catalog.locator('.procedure .label')).toHaveText(ALL);
		await expect(catalog.getByRole('heading', { level: 3 })).toHaveText([
			'Enfance / Jeunesse',
			'Autres démarches',
			'Location de salles municipales'
		]);
		await expect(catalog.getByText('Identification requise')).toHaveCount(ALL.length);

		const footer = page.getByRole('contentinfo');
		await expect(footer.getByRole('link', { name: 'Accessibilité' })).toBeVisible();
		await expect(footer.getByRole('link', { name: 'Mentions légales' })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('filters as the user types, ignoring accents and case, and by service', async ({ page }) => {
		await page.goto('/');
		const labels = page.locator('.procedure .label');
		await expect(labels).toHaveText(ALL);
		const search = page.getByLabel('Recherchez une démarche');

		await search.pressSequentially('fete');
		await expect(labels).toHaveText(['Location de la salle des fêtes']);
		await search.fill('CANTINE');
		await expect(labels).toHaveText(['Réservation Cantine']);
		await search.fill('piscine');
		await expect(page.getByText('Aucune démarche ne correspond à votre recherche.')).toBeVisible();
		await search.fill('');

		const service = page.getByLabel('Sélectionnez un service');
		await service.selectOption({ label: 'Enfance / Jeunesse' });
		await expect(labels).toHaveText(['Fiche enfant', 'Réservation Cantine', 'Réservation Garderie']);
		await search.fill('garderie');
		// The fiche enfant also matches: it is where a child is enrolled in the garderie.
		await expect(labels).toHaveText(['Fiche enfant', 'Réservation Garderie']);
		await service.selectOption({ label: 'Tous les services' });
		await search.fill('');
		await expect(labels).toHaveText(ALL);
	});

	test('a démarche chosen while signed out leads to sign-in, remembering where to return', async ({
		page
	}) => {
		await page.goto('/');
		await page.getByRole('link', { name: /Fiche enfant/ }).click();
		await expect(page).toHaveURL(/\/connexion\?retour=%2Fdemarches%2Ffiche-enfant$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Me connecter' })).toBeVisible();
		await expect(page.getByText('Fiche enfant')).toBeVisible();
		expect(await page.evaluate(() => sessionStorage.getItem('portail.retour'))).toBe(
			'/demarches/fiche-enfant'
		);
		await expectNoAxeViolations(page);
	});

	test("S'abonner says honestly that e-mail subscription is not open yet", async ({ page }) => {
		await page.goto('/');
		const button = page.getByRole('button', { name: "S'abonner" });
		await expect(button).toHaveAttribute('aria-expanded', 'false');
		await button.click();
		await expect(button).toHaveAttribute('aria-expanded', 'true');
		await expect(
			page.getByText(/L'abonnement aux actualités par courriel n'est pas encore ouvert/)
		).toBeVisible();
	});

	test('every page of the header and footer is reachable and accessible', async ({ page }) => {
		await page.goto('/');
		const pages: [string, RegExp, string][] = [
			['Créer mon compte', /\/creer-mon-compte$/, "Vous n'avez pas encore de compte ?"],
			['Me connecter', /\/connexion$/, 'Me connecter'],
			['Accessibilité', /\/accessibilite$/, "Déclaration d'accessibilité"],
			['Mentions légales', /\/mentions-legales$/, 'Mentions légales']
		];
		for (const [link, url, heading] of pages) {
			await page.getByRole('link', { name: link, exact: true }).first().click();
			await expect(page).toHaveURL(url);
			await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
			await expectNoAxeViolations(page);
		}
	});

	test('is usable with the keyboard alone', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('.procedure')).toHaveCount(ALL.length);
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
		await page.keyboard.press('Enter');
		// Tab through to the search field and type: the list follows.
		for (
			let i = 0;
			i < 10 &&
			!(await page.getByLabel('Recherchez une démarche').evaluate((el) => el === document.activeElement));
			i++
		) {
			await page.keyboard.press('Tab');
		}
		await expect(page.getByLabel('Recherchez une démarche')).toBeFocused();
		await page.keyboard.type('salle');
		await expect(page.locator('.procedure .label')).toHaveText(['Location de la salle des fêtes']);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: /Location de la salle des fêtes/ })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/connexion\?retour=/);
	});

	test('fits a 320 px wide phone without sideways scrolling', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto('/');
		await expect(page.locator('.procedure')).toHaveCount(ALL.length);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});

test.describe('weight and stability', () => {
	test('first load of the public home: at most 70 KiB of compressed JavaScript (issue 11), no layout shift', async ({
		page
	}) => {
		let jsBytes = 0;
		const pending: Promise<void>[] = [];
		page.on('response', (response) => {
			if (!response.url().endsWith('.js')) return;
			pending.push(
				response
					.request()
					.sizes()
					.then((s) => {
						jsBytes += s.responseBodySize;
					})
			);
		});
		await page.addInitScript(() => {
			(window as unknown as { __cls: number }).__cls = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & {
					value: number;
					hadRecentInput: boolean;
				})[]) {
					if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto('/');
		await expect(page.locator('.procedure')).toHaveCount(ALL.length);
		await page.waitForLoadState('networkidle');
		await Promise.all(pending);
		const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
		console.log(
			`JavaScript transféré : ${(jsBytes / 1024).toFixed(1)} KiB ; décalage cumulé (CLS) : ${cls.toFixed(4)}`
		);
		expect(jsBytes).toBeGreaterThan(10 * 1024);
		expect(jsBytes).toBeLessThanOrEqual(70 * 1024);
		expect(cls).toBeLessThan(0.01);
	});
});
