import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { freePort, PortalServer } from './portal-server.ts';
import { TestMailServer } from './smtp.ts';

const BUILD = resolve(import.meta.dirname, '../../../build');

type Fixtures = {
	/** Serve a private copy of the build, which the test may change (a new service worker). */
	ownBuild: boolean;
	/** Start the portal as `npm run demo` does (the DUPIN family can sign in). */
	demo: boolean;
	/** The server's fixed "now" (TEST_NOW), when the test needs a known day. */
	serverNow: string | undefined;
	appDir: string;
	mailServer: TestMailServer;
	portal: PortalServer;
};

export const test = base.extend<Fixtures>({
	ownBuild: [false, { option: true }],
	demo: [false, { option: true }],
	serverNow: [undefined, { option: true }],
	// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
	mailServer: async ({}, use) => {
		const server = new TestMailServer();
		await server.start();
		await use(server);
		await server.stop();
	},
	appDir: async ({ ownBuild }, use) => {
		if (!ownBuild) return use(BUILD);
		const dir = mkdtempSync(join(tmpdir(), 'portail-e2e-build-'));
		cpSync(BUILD, dir, { recursive: true });
		await use(dir);
		rmSync(dir, { recursive: true, force: true });
	},
	portal: async ({ appDir, mailServer, demo, serverNow }, use, testInfo) => {
		const dataDir = mkdtempSync(join(tmpdir(), 'portail-e2e-data-'));
		const port = await freePort();
		const server = new PortalServer(port, {
			DATA_DIR: dataDir,
			APP_DIR: appDir,
			PUBLIC_URL: `http://localhost:${port}`,
			SMTP_URL: mailServer.url,
			DEMO: demo ? 'true' : 'false',
			...(serverNow ? { TEST_NOW: serverNow } : {})
		});
		await server.start();
		await use(server);
		await server.stop();
		if (testInfo.status !== testInfo.expectedStatus)
			await testInfo.attach('server.log', { body: server.log });
		rmSync(dataDir, { recursive: true, force: true });
	},
	baseURL: async ({ portal }, use) => use(portal.url)
});

export { expect };

/** Axe with the RGAA v4 and WCAG 2.1 A/AA rules; fails on any violation, listing each. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['RGAAv4', 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary).toEqual([]);
}

/** Wait until the service worker controls the page (first visit: clientsClaim). */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 20_000
	});
}
