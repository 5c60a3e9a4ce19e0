import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';
import { randomUUID } from 'node:crypto';
import { lunch, MONDAY_9AM, openAgenda } from './support/agenda-page.ts';

test.use({ demo: true, serverNow: MONDAY_9AM });

test.describe('sync errors', () => {
	test('a refused push says what happened, keeps the change, and sends it once the server accepts', async ({
		page
	}, testInfo) => {
		await openAgenda(page);
		// A proxy in front of the town's server refusing the push (its body limit).
		await page.route('**/api/sync/push', (route) =>
			route.fulfill({
				status: 413,
				contentType: 'application/json',
				body: JSON.stringify({ error: { code: 'payload_too_large', message: 'Envoi trop volumineux.' } })
			})
		);
		await page.getByRole('button', { name: /^jeudi 3 décembre 2026 :/ }).click();
		await lunch(page)
			.getByRole('button', { name: /^Réserver/ })
			.click();

		const alert = page.getByRole('alert').filter({ hasText: 'La synchronisation a échoué' });
		await expect(alert).toHaveText(
			'La synchronisation a échoué : le serveur a refusé la demande (erreur 413 : Envoi trop ' +
				'volumineux). Vos modifications restent enregistrées sur cet appareil ; elles seront renvoyées ' +
				'automatiquement, ou avec «\u00a0Synchroniser\u00a0». Si le problème persiste, contactez la mairie.'
		);
		await expect(page.getByText('1 modification en attente')).toBeVisible();
		await expect(lunch(page)).toContainText(/en attente/i);
		await expectNoAxeViolations(page);
		// The engine retries by itself (after 1 s, 2 s…): the alert stays as it is, the same element,
		// never removed and announced again at each retry.
		await alert.evaluate((element) => element.setAttribute('data-vu', 'oui'));
		await page.waitForTimeout(3500);
		await expect(alert).toHaveAttribute('data-vu', 'oui');
		for (const width of [360, 1366]) {
			await page.setViewportSize({ width, height: width === 360 ? 800 : 900 });
			await alert.scrollIntoViewIfNeeded();
			await page.screenshot({ path: testInfo.outputPath(`sync-error-${width}.png`), fullPage: false });
		}

		// The keyboard alone: the server accepts again, "Synchroniser" sends the change; focus stays on it.
		await page.unroute('**/api/sync/push');
		const button = page.getByRole('button', { name: 'Synchroniser' });
		await button.focus();
		await page.keyboard.press('Enter');
		await expect(alert).toHaveCount(0);
		await expect(page.getByText('1 modification en attente')).toHaveCount(0);
		await expect(lunch(page)).toContainText('Réservé');
		await expect(button).toBeFocused();
	});

	test('an unreadable answer is an error shown, never a sync stuck on "Synchronisation…"', async ({
		page
	}) => {
		await openAgenda(page);
		await page.route('**/api/sync/push', (route) =>
			route.fulfill({ status: 200, contentType: 'text/html', body: '<html>Maintenance</html>' })
		);
		await page.getByRole('button', { name: /^jeudi 3 décembre 2026 :/ }).click();
		await lunch(page)
			.getByRole('button', { name: /^Réserver/ })
			.click();
		await expect(page.getByRole('alert')).toContainText(
			'La synchronisation a échoué : le serveur a envoyé une réponse illisible.'
		);
		await expect(page.getByRole('button', { name: 'Synchroniser' })).toBeVisible();
		await expect(page.getByText('1 modification en attente')).toBeVisible();
	});

	test('a change beyond the household’s budget of the day is refused with its reason, never lost silently', async ({
		page,
		baseURL
	}, testInfo) => {
		await openAgenda(page);
		// Another device of the household spends the day's budget: five saisies groupées of 2,000
		// day changes (Tim, the five school-day activities, 400 days), booking then cancelling.
		const tim = Number(
			await page.evaluate(async () => {
				const res = await fetch('/api/sync/pull?from=2026-12-01&to=2026-12-31&schemaVersion=1');
				return ((await res.json()) as { persons: { id: number }[] }).persons[0]?.id;
			})
		);
		const heavy = (action: 'creer' | 'supprimer') => ({
			id: randomUUID(),
			kind: 'reservation.bulk.v1',
			createdAt: MONDAY_9AM,
			payload: {
				personIds: [tim],
				action,
				from: '2026-12-01',
				to: '2028-01-04',
				activityCodes: [
					'restauration-midi',
					'garderie-matin-gratuite',
					'garderie-matin-payante',
					'garderie-soir-gratuite',
					'garderie-soir-payante'
				],
				periodicity: 'aucune',
				weekdays: []
			}
		});
		const spent = await page.request.post('/api/sync/push', {
			headers: { Origin: baseURL ?? '' },
			data: {
				schemaVersion: 1,
				mutations: ['creer', 'supprimer', 'supprimer', 'supprimer', 'supprimer'].map((a) =>
					heavy(a as 'creer')
				)
			}
		});
		const answer = (await spent.json()) as { results: { status: string }[] };
		expect(answer.results.map((r) => r.status)).toEqual(Array(5).fill('applied'));

		await page.getByRole('button', { name: /^jeudi 3 décembre 2026 :/ }).click();
		await lunch(page)
			.getByRole('button', { name: /^Réserver/ })
			.click();
		const refusal = page.getByRole('alert').filter({
			hasText: 'Réservation de Restauration scolaire (Repas de midi) du jeudi 3 décembre 2026 refusée'
		});
		await expect(refusal).toHaveText(
			'Réservation de Restauration scolaire (Repas de midi) du jeudi 3 décembre 2026 refusée : la limite du jour est atteinte, votre foyer a déjà demandé ' +
				"aujourd'hui les 10\u202f000 changements de réservation permis par jour. Cette modification n'a pas " +
				'été enregistrée ; refaites-la demain.'
		);
		await expect(page.getByText('modification en attente')).toHaveCount(0);
		await expect(lunch(page).getByRole('button', { name: /^Réserver/ })).toBeVisible();
		await expectNoAxeViolations(page);
		for (const width of [360, 1366]) {
			await page.setViewportSize({ width, height: width === 360 ? 800 : 900 });
			await refusal.scrollIntoViewIfNeeded();
			await page.screenshot({ path: testInfo.outputPath(`day-budget-${width}.png`), fullPage: false });
		}
	});
});
