import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, waitForServiceWorker } from './support/fixtures.ts';

test.describe('installable and offline', () => {
	test('links a complete web app manifest with its icons', async ({ page, request }) => {
		await page.goto('/');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBe('/manifest.webmanifest');
		const manifest = await (await request.get(href ?? '')).json();
		expect(manifest).toMatchObject({ start_url: '/', display: 'standalone', lang: 'fr' });
		expect(manifest.name).toBeTruthy();
		expect(manifest.short_name).toBeTruthy();
		expect(manifest.theme_color).toMatch(/^#/);
		expect(manifest.background_color).toMatch(/^#/);
		const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
		expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
			'192x192 any',
			'512x512 any',
			'512x512 maskable'
		]);
		for (const icon of icons) {
			const res = await request.get(icon.src);
			expect(res.status(), icon.src).toBe(200);
			expect(res.headers()['content-type']).toBe('image/png');
		}
	});

	test('the service worker takes control on the first visit', async ({ page }) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		const script = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
		expect(script).toMatch(/\/service-worker\.js$/);
	});

	test('with the server process stopped, a reload still shows the home page from cache', async ({
		page,
		portal
	}) => {
		await page.goto('/');
		await expect(page.locator('.procedure')).toHaveCount(6);
		await waitForServiceWorker(page);
		// Let the worker finish precaching and Dexie keep the catalogue.
		await page.evaluate(() => navigator.serviceWorker.ready);

		await portal.stop();
		expect((await fetch(`${portal.url}/api/health`).catch(() => null)) ?? null).toBeNull();

		await page.reload();
		await expect(page.getByRole('link', { name: 'Ville de Hesdigneul-lès-Boulogne' })).toBeVisible();
		await expect(
			page.getByText(/Vous êtes hors ligne : voici les informations enregistrées le/)
		).toBeVisible();
		await expect(page.locator('.procedure')).toHaveCount(6);
		await expect(page.getByRole('heading', { name: /^Bienvenue sur votre portail/ })).toBeVisible();
		await page.getByLabel('Recherchez une démarche').fill('fete');
		await expect(page.locator('.procedure .label')).toHaveText(['Location de la salle des fêtes']);

		// A deep link typed while offline opens too (the worker answers every page with the shell).
		await page.goto('/mentions-legales');
		await expect(page.getByRole('heading', { level: 1, name: 'Mentions légales' })).toBeVisible();

		// Back online: the notice goes away after the next load.
		await portal.start();
		await page.goto('/');
		await expect(page.locator('.procedure')).toHaveCount(6);
		await expect(page.getByText(/Vous êtes hors ligne/)).toHaveCount(0);
	});
});

test.describe('new version', () => {
	test.use({ ownBuild: true });

	test('a waiting version is announced, and "Recharger" switches to it', async ({ page, appDir }) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		await page.evaluate(() => {
			(window as unknown as { __before: boolean }).__before = true;
		});

		// Deploy a "new version": a changed worker script (and no stale precompressed copies).
		const worker = join(appDir, 'service-worker.js');
		writeFileSync(worker, `${readFileSync(worker, 'utf8')}\n// version suivante\n`);
		rmSync(`${worker}.br`, { force: true });
		rmSync(`${worker}.gz`, { force: true });
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});

		const banner = page.getByRole('status').filter({ hasText: 'Une nouvelle version est disponible' });
		await expect(banner).toBeVisible({ timeout: 20_000 });
		// Never a silent reload: the page is still the same one.
		expect(await page.evaluate(() => (window as unknown as { __before?: boolean }).__before)).toBe(true);

		await banner.getByRole('button', { name: 'Recharger' }).click();
		await page.waitForFunction(() => !(window as unknown as { __before?: boolean }).__before, undefined, {
			timeout: 20_000
		});
		await expect(page.locator('.procedure')).toHaveCount(6);
		await expect(page.getByText('Une nouvelle version est disponible')).toHaveCount(0);
	});
});
