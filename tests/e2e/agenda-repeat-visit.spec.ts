import { expect, test } from './support/fixtures.ts';
import { MONDAY_9AM, dayButton, lunch, openAgenda } from './support/agenda-page.ts';
import { hold } from './support/held-calls.ts';

test.use({ demo: true, serverNow: MONDAY_9AM, serviceWorkers: 'block' });

test('a repeat visit draws the agenda from the device before the server answers', async ({ page }) => {
	await openAgenda(page);
	await dayButton(page, 'jeudi 3 décembre 2026').click();
	await lunch(page)
		.getByRole('button', { name: /^Réserver/ })
		.click();
	await expect(page.getByText('modifications en attente')).toHaveCount(0);
	await expect(dayButton(page, 'jeudi 3 décembre 2026')).toHaveAccessibleName(/: Réservé$/);

	// A rural phone: the session's answer and the agenda's both take seconds.
	const session = await hold(page, '/api/auth/session');
	const pull = await hold(page, '/api/sync/pull');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Agenda de DUPIN Tim' })).toBeVisible();
	await expect(dayButton(page, 'jeudi 3 décembre 2026')).toHaveAccessibleName(/: Réservé$/);
	await expect(dayButton(page, 'mercredi 2 décembre 2026')).toHaveAccessibleName(/Pas de service/);
	// Asked and still unanswered: what the grid shows came from the device alone.
	expect(session.count()).toBeGreaterThan(0);
	expect(pull.count()).toBeGreaterThan(0);

	const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/sync/pull');
	await session.release();
	await pull.release();
	await answered;
	await expect(page.getByText(/Agenda à jour au/)).toBeVisible();
	await expect(dayButton(page, 'jeudi 3 décembre 2026')).toHaveAccessibleName(/: Réservé$/);
});
