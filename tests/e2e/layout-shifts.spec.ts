import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { DEMO } from './support/citizens.ts';
import { hold } from './support/held-calls.ts';

// The session's answer is held: whatever it changes (the header's links, the demo's note) must not
// move what the page already shows (issue 11: CLS 0).
test.use({ demo: true, serviceWorkers: 'block' });

/** Records the page's layout shifts from its first paint (a shift caused by typing is not one). */
async function recordShifts(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const shifts: { value: number; what: string }[] = [];
		(window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & {
				value: number;
				hadRecentInput: boolean;
				sources: { node?: Node | null }[];
			})[]) {
				if (entry.hadRecentInput) continue;
				const what = entry.sources.map((s) => (s.node as Element | null)?.tagName ?? '?').join(', ');
				shifts.push({ value: entry.value, what });
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

const shifts = (page: Page) =>
	page.evaluate(() => (window as unknown as { __shifts: { value: number; what: string }[] }).__shifts);

async function released(page: Page, session: Awaited<ReturnType<typeof hold>>): Promise<void> {
	expect(session.count()).toBeGreaterThan(0);
	const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/session');
	await session.release();
	await answered;
	// Two frames: what the answer changed is drawn and measured.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

for (const width of [360, 1366]) {
	test(`a family's page opened on a new device keeps its place when the session answers (${width} px)`, async ({
		page,
		baseURL
	}) => {
		await page.setViewportSize({ width, height: 740 });
		const login = await page.request.post('/api/auth/login', {
			data: DEMO,
			headers: { Origin: baseURL ?? '' }
		});
		expect(login.status()).toBe(200);
		await recordShifts(page);
		const session = await hold(page, '/api/auth/session');
		await page.goto('/demandes');
		// Nobody known yet on this device: the header keeps the links' place, out of sight.
		// (inert and hidden: neither seen, nor read, nor reached with the keyboard).
		await expect(page.locator('header nav[inert]')).toBeAttached();
		await expect(page.getByRole('link', { name: 'Agenda' })).toHaveCount(0);
		await released(page, session);
		await expect(page.getByRole('heading', { level: 1, name: 'Mes demandes' })).toBeVisible();
		const nav = page.getByRole('navigation', { name: 'Compte citoyen' });
		await expect(nav.getByRole('link', { name: 'Mes demandes' })).toBeVisible();
		expect(await shifts(page)).toEqual([]);
	});
}

test('the demo sign-in page shows its accounts at first paint, before the session answers', async ({
	page
}) => {
	await recordShifts(page);
	const session = await hold(page, '/api/auth/session');
	await page.goto('/connexion');
	await expect(page.getByText('Portail de démonstration : identifiant pascal.dupin')).toBeVisible();
	await released(page, session);
	await expect(page.getByText('Portail de démonstration : identifiant pascal.dupin')).toBeVisible();
	expect(await shifts(page)).toEqual([]);
});
