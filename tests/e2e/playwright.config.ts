import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: real Chromium (Debian's, the Playwright download does not work here) against the
 * real built app served by the real server, one server per test on a free port with its own
 * temporary data folder (see support/fixtures.ts). Build first: `npm run test:e2e` does.
 */
export default defineConfig({
	testDir: '.',
	outputDir: '../../test-results',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	}
});
