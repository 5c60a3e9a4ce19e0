import type { Browser } from '@playwright/test';
import { PARENT } from './pages.ts';
import { newPhoneContext, signInContext } from './throttled-load.ts';

/** What the device's database says of a draft: saved to the server (not dirty) and nothing queued. */
function savedOnServer(id: string): Promise<boolean> {
	return new Promise((done, fail) => {
		const open = indexedDB.open('portail-citoyen');
		open.onerror = () => fail(open.error);
		open.onsuccess = () => {
			const tx = open.result.transaction(['drafts', 'outbox'], 'readonly');
			const draft = tx.objectStore('drafts').get(id);
			const queued = tx.objectStore('outbox').count();
			tx.oncomplete = () => {
				open.result.close();
				done((draft.result as { dirty?: boolean } | undefined)?.dirty === false && queued.result === 0);
			};
			tx.onerror = () => fail(tx.error);
		};
	});
}

/**
 * A fiche enfant started by the demo parent, unthrottled and before the runs, and saved on the
 * server: each measured load then opens it by its deep link on a device that has never seen it.
 */
export async function makeFicheDraft(browser: Browser, base: string): Promise<string> {
	const context = await newPhoneContext(browser);
	try {
		await signInContext(context, base, PARENT);
		const page = await context.newPage();
		await page.goto(`${base}/demarches/fiche-enfant`);
		await page.getByLabel("J'accepte les conditions générales d'utilisation").check();
		await page
			.getByRole('button', { name: /Faire une demande en ligne|Commencer une nouvelle demande/ })
			.click();
		await page.waitForURL(/\/demandes\/[0-9a-f-]{36}\/formulaire$/);
		const id = /\/demandes\/([0-9a-f-]{36})\//.exec(page.url())?.[1];
		if (!id) throw new Error(`Brouillon de fiche enfant sans identifiant : ${page.url()}`);
		const deadline = Date.now() + 30_000;
		while (!(await page.evaluate(savedOnServer, id))) {
			if (Date.now() > deadline)
				throw new Error('Le brouillon de fiche enfant n’a pas été enregistré sur le serveur');
			await page.waitForTimeout(250);
		}
		return id;
	} finally {
		await context.close();
	}
}
