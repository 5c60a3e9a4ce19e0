import { expect, test } from './support/fixtures.ts';
import { MONDAY_9AM, dayButton, lunch, openAgenda } from './support/agenda-page.ts';

test.use({ demo: true, serverNow: MONDAY_9AM });

test.describe("the agenda decides with the server's time, not the phone's", () => {
	test('a phone 40 minutes behind the server no longer offers a cancellation the town hall refuses', async ({
		page,
		portal
	}) => {
		await openAgenda(page);
		await page.evaluate(() => navigator.serviceWorker.ready);
		await dayButton(page, 'mardi 1er décembre 2026').click();
		await lunch(page)
			.getByRole('button', { name: /^Réserver/ })
			.click();
		const cancel = lunch(page).getByRole('button', { name: /^Annuler/ });
		await expect(cancel).toBeVisible();
		await expect(lunch(page)).toContainText("modifiable jusqu'au 30/11/2026 à 10:00");

		// 10:30 in Paris for the town hall; the phone's clock says 09:50.
		await portal.stop();
		portal.env.TEST_NOW = '2026-11-30T09:30:00.000Z';
		await portal.start();
		await page.clock.setFixedTime(new Date('2026-11-30T08:50:00.000Z'));

		// Drawn from the last answer (the phone's clock was right then): the parent may still try.
		await cancel.click();
		await expect(page.getByRole('alert').filter({ hasText: 'refusée' })).toHaveText(
			'Annulation de Restauration scolaire (Repas de midi) du mardi 1er décembre 2026 refusée : la date limite est dépassée depuis le 30/11/2026 à 10:00.'
		);
		// The answer's Date told the phone it is 10:30: the booking stays, and cannot be cancelled any more.
		await expect(lunch(page)).toContainText(
			"Réservé · 3,50 € · était modifiable jusqu'au 30/11/2026 à 10:00"
		);
		await expect(lunch(page).getByRole('button')).toHaveCount(0);
		await expect(page.getByText('Agenda à jour au 30/11/2026 à 10:30')).toBeVisible();
		// Wednesday 2nd has no canteen; Thursday 3rd's lunch is still open until Wednesday 10:00.
		await dayButton(page, 'jeudi 3 décembre 2026').click();
		await expect(lunch(page).getByRole('button', { name: /^Réserver/ })).toBeVisible();

		// The offset is kept with the agenda: offline, after a reload, the phone still knows.
		await portal.stop();
		await page.reload();
		await dayButton(page, 'mardi 1er décembre 2026').click();
		await expect(lunch(page)).toContainText("était modifiable jusqu'au 30/11/2026 à 10:00");
		await expect(lunch(page).getByRole('button')).toHaveCount(0);
	});
});
