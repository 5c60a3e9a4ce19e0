import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { DEMO, signIn } from './citizens.ts';

/** Signs the demo parent in from the sign-in page, coming back to `path`. */
export async function signInTo(page: Page, path: string): Promise<void> {
	await page.goto(`/connexion?retour=${encodeURIComponent(path)}`);
	await signIn(page, DEMO.identifiant, DEMO.motDePasse);
	await page.waitForURL((url) => url.pathname === path);
}

/** From a procedure's page: the CGU accepted, "Faire une demande en ligne"; resolves to the draft's id. */
export async function startDemande(page: Page): Promise<string> {
	await page.getByLabel("J'accepte les conditions générales d'utilisation").check();
	await page
		.getByRole('button', { name: /Faire une demande en ligne|Commencer une nouvelle demande/ })
		.click();
	await page.waitForURL(/\/demandes\/[0-9a-f-]{36}\/formulaire$/);
	return /\/demandes\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
}

/** The step shown, as the step list marks it for screen readers. */
export function currentStep(page: Page) {
	return page.getByRole('navigation', { name: 'Étapes de la demande' }).locator('[aria-current="step"]');
}

/** What the device's database holds of a draft (read from IndexedDB itself, not through the app). */
export function storedDraft(
	page: Page,
	id: string
): Promise<{ data: Record<string, unknown>; state: string } | null> {
	return page.evaluate(
		(id) =>
			new Promise((done, fail) => {
				const open = indexedDB.open('portail-citoyen');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const get = db.transaction('drafts', 'readonly').objectStore('drafts').get(id);
					get.onsuccess = () => {
						db.close();
						done(get.result ?? null);
					};
					get.onerror = () => fail(get.error);
				};
			}),
		id
	);
}

/** Waits until the outbox is empty: everything this device queued has been answered. */
export async function outboxSent(page: Page): Promise<void> {
	await expect
		.poll(
			() =>
				page.evaluate(
					() =>
						new Promise<number>((done) => {
							const open = indexedDB.open('portail-citoyen');
							open.onsuccess = () => {
								const count = open.result.transaction('outbox', 'readonly').objectStore('outbox').count();
								count.onsuccess = () => {
									open.result.close();
									done(count.result);
								};
							};
						})
				),
			{ timeout: 20_000 }
		)
		.toBe(0);
}

/**
 * Waits until the server has the draft as this device holds it: its save sent (after the typing
 * pause) and the pull that followed found this device's version there.
 */
export async function draftOnServer(page: Page, id: string): Promise<void> {
	await expect
		.poll(async () => ((await storedDraft(page, id)) as { dirty?: boolean } | null)?.dirty, {
			timeout: 20_000
		})
		.toBe(false);
	await outboxSent(page);
}

/** The "Ajouter un enfant" dialog filled for a child born in Boulogne-sur-Mer (62), not yet added. */
export async function fillNewChild(
	dialog: Locator,
	child: { sexe: 'Fille' | 'Garçon'; prenom: string; jour: string; mois: string; annee: string }
): Promise<void> {
	await dialog.getByLabel(child.sexe).check();
	await dialog.getByLabel('Nom de naissance').fill('Dupin');
	await dialog.getByRole('textbox', { name: 'Prénom', exact: true }).fill(child.prenom);
	await dialog.getByLabel('Jour').fill(child.jour);
	await dialog.getByLabel('Mois').fill(child.mois);
	await dialog.getByLabel('Année').fill(child.annee);
	await dialog.getByLabel('Commune de naissance').fill('Boulogne-sur-Mer');
	await dialog.getByLabel('Numéro du département de naissance').fill('62');
}

/**
 * The row of Mes demandes whose number cell is `number` exactly (a filter on the row's text would
 * also match a date holding those digits: n° 12 and "03/12/2026").
 */
export function demandeRow(page: Page, number: string): Locator {
	return page.getByRole('row').filter({ has: page.getByRole('cell', { name: number, exact: true }) });
}
