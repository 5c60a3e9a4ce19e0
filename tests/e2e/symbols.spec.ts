import type { Page } from '@playwright/test';
import { DEMO, requestAccount, signIn } from './support/citizens.ts';
import { expect, test } from './support/fixtures.ts';
import { unsafeCharacters } from './support/symbols.ts';

test.use({ demo: true });

const expectEveryFontDrawsIt = async (page: Page, what: string) =>
	expect(await unsafeCharacters(page), what).toEqual([]);

test.describe('no empty boxes where a computer has no symbol font', () => {
	test('the public pages, their errors and the account forms use only characters every font has', async ({
		page,
		request,
		mailServer,
		baseURL
	}) => {
		await page.goto('/');
		await expect(page.locator('.procedure').first()).toBeVisible();
		await expectEveryFontDrawsIt(page, 'accueil');

		await page.goto('/creer-mon-compte');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectEveryFontDrawsIt(page, 'créer mon compte');

		await page.goto('/creer-mon-compte/formulaire');
		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page.locator('#captcha-erreur')).toBeVisible();
		await expectEveryFontDrawsIt(page, 'formulaire, ses erreurs');

		await page.goto('/connexion');
		await signIn(page, DEMO.identifiant, 'mauvais');
		await expect(page.getByRole('alert')).toBeVisible();
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await expectEveryFontDrawsIt(page, 'connexion refusée');

		await page.goto('/identifiants-perdus');
		await page.getByRole('button', { name: 'Envoyer' }).click();
		await expect(page.locator('#perdu-erreur')).toBeVisible();
		await expectEveryFontDrawsIt(page, 'identifiants perdus');

		await page.goto(await requestAccount(request, mailServer, baseURL ?? ''));
		await page.getByLabel('Votre identifiant de connexion').fill(DEMO.identifiant);
		await page.getByLabel(/^Mot de passe/).fill('Hesdigneul62');
		await page.getByLabel('Répéter votre mot de passe').fill('Hesdigneul62');
		await page.getByRole('button', { name: 'Valider et accéder à votre compte' }).click();
		await expect(page.locator('#identifiant-erreur')).toBeVisible();
		await expectEveryFontDrawsIt(page, 'activation');

		await page.goto('/nimporte-quoi');
		await expectEveryFontDrawsIt(page, 'page introuvable');
	});

	test('signed in: the header menu, Mon profil with its forms open, a démarche', async ({ page }) => {
		await page.goto('/connexion?retour=%2Fprofil');
		await signIn(page, DEMO.identifiant, DEMO.motDePasse);
		await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
		await page.getByRole('button', { name: 'Mon compte' }).click();
		const details = page.getByRole('button', { name: /Détails/ });
		while ((await details.count()) > 0) await details.first().click();
		await page.getByLabel('Téléphone fixe').fill('12');
		await page.getByRole('button', { name: 'Enregistrer les téléphones' }).click();
		await expect(page.locator('#telephone-fixe-erreur')).toBeVisible();
		await expectEveryFontDrawsIt(page, 'mon profil');

		await page.goto('/demarches/mise-a-jour-informations');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectEveryFontDrawsIt(page, 'démarche');
	});
});

test.describe('French typography on a phone', () => {
	test('the password rule never leaves its colon alone on a line, whatever the width', async ({
		page,
		request,
		mailServer,
		baseURL
	}) => {
		await page.setViewportSize({ width: 360, height: 800 });
		await page.goto(await requestAccount(request, mailServer, baseURL ?? ''));
		const rule = page.locator('.checklist li').first();
		await expect(rule).toContainText('Au moins 8 caractères avec');
		// Every width the rule's line may get (a phone of 320 px up to a desktop), 1 px apart: at
		// each, the colon is on the line of the word before it.
		const orphaned = await rule.evaluate((li) => {
			const text = [...li.childNodes].find(
				(n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes(':')
			);
			if (!text) return ['no colon'];
			const at = text.textContent!.lastIndexOf(':');
			const top = (from: number) => {
				const range = document.createRange();
				range.setStart(text, from);
				range.setEnd(text, from + 1);
				return range.getBoundingClientRect().top;
			};
			const widths: string[] = [];
			for (let width = 120; width <= 600; width++) {
				li.style.width = `${width}px`;
				if (top(at) !== top(at - 4)) widths.push(`${width}px`);
			}
			li.style.width = '';
			return widths;
		});
		expect(orphaned).toEqual([]);
	});

	test('a refusal from the server never starts a line with its colon, whatever the width', async ({
		page,
		request,
		mailServer,
		baseURL
	}) => {
		await page.setViewportSize({ width: 360, height: 800 });
		await page.goto(await requestAccount(request, mailServer, baseURL ?? ''));
		await page.getByLabel('Votre identifiant de connexion').fill(DEMO.identifiant);
		await page.getByLabel(/^Mot de passe/).fill('Hesdigneul62');
		await page.getByLabel('Répéter votre mot de passe').fill('Hesdigneul62');
		await page.getByRole('button', { name: 'Valider et accéder à votre compte' }).click();
		const refusal = page.locator('#identifiant-erreur');
		await expect(refusal).toContainText('Cet identifiant est déjà utilisé : choisissez-en un autre.');
		expect(await signsStartingALine(refusal)).toEqual([]);
	});
});

/**
 * Where, at some width the element may get (120 px to 600 px, 1 px apart), a ":" ";" "?" or "!"
 * written after a space is on another line than the word before it: "sign@width" for each.
 */
function signsStartingALine(element: ReturnType<Page['locator']>): Promise<string[]> {
	return element.evaluate((box) => {
		const signs: { text: Text; at: number }[] = [];
		const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const content = node.textContent ?? '';
			for (let at = 2; at < content.length; at++)
				if (/[:;?!]/.test(content.charAt(at)) && /\s/.test(content.charAt(at - 1)))
					signs.push({ text: node as Text, at });
		}
		if (signs.length === 0) return ['no sign'];
		const top = (text: Text, from: number) => {
			const range = document.createRange();
			range.setStart(text, from);
			range.setEnd(text, from + 1);
			return range.getBoundingClientRect().top;
		};
		const found: string[] = [];
		const element = box as HTMLElement;
		for (let width = 120; width <= 600; width++) {
			element.style.width = `${width}px`;
			for (const { text, at } of signs)
				if (top(text, at) !== top(text, at - 2)) found.push(`${text.textContent![at]}@${width}px`);
		}
		element.style.width = '';
		return found;
	});
}
