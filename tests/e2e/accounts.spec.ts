import type { Page } from '@playwright/test';
import { birthYearFor } from '../../server/demo/school-age.ts';
import { hold } from './support/held-calls.ts';
import { linkIn } from './support/smtp.ts';
import { expect, expectNoAxeViolations, test } from './support/fixtures.ts';

async function signIn(page: Page, identifiant: string, motDePasse: string) {
	await page.getByLabel('Identifiant ou courriel').fill(identifiant);
	await page.getByLabel(/^Mot de passe/).fill(motDePasse);
	await page.getByRole('button', { name: 'Me connecter' }).click();
}

test.describe('création de compte', () => {
	test('create an account, read the activation e-mail, choose username and password, land signed in', async ({
		page,
		mailServer
	}) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'Créer mon compte' }).click();
		await expect(page.getByRole('heading', { name: "Vous n'avez pas encore de compte ?" })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('main').getByRole('link', { name: 'Créer mon compte' }).click();

		await expect(page.getByRole('heading', { name: '1 - Identité' })).toBeVisible();
		// Bad input: French errors next to the fields, nothing typed is lost.
		await page.getByLabel('Nom de naissance').fill('Martin');
		await page.getByLabel('Email').fill('marie.martin@exemple');
		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();
		await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#email-erreur')).toContainText('Adresse électronique invalide');
		await expect(page.getByLabel('Nom de naissance')).toHaveValue('Martin');
		await expectNoAxeViolations(page);

		await page.getByLabel('Civilité').selectOption('Madame');
		await page.getByLabel(/^Prénom/).fill('Marie');
		await page.getByLabel('Jour').fill('14');
		await page.getByLabel('Mois').fill('07');
		await page.getByLabel('Année').fill('1985');
		await page.getByLabel('Commune de naissance').fill('Boulogne-sur-Mer');
		await page.getByLabel('Département de naissance').fill('62');
		await page.getByLabel('Email').fill('marie.martin@example.com');
		await page.getByText('Je ne suis pas un robot').click();
		await expect(page.locator('altcha-widget [data-state="verified"]')).toBeVisible({ timeout: 30_000 });
		await page.getByRole('button', { name: 'Suivant' }).click();

		const recap = page.getByRole('region', { name: 'Informations de la demande' });
		await expect(recap).toContainText('Nouvel utilisateur');
		await expect(recap).toContainText('14/07/1985');
		await expect(recap).toContainText('marie.martin@example.com');
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Modifier les informations' }).click();
		await expect(page.getByLabel(/^Prénom/)).toHaveValue('Marie');
		await expect(page.getByLabel('Commune de naissance')).toHaveValue('Boulogne-sur-Mer');
		await page.getByRole('button', { name: 'Suivant' }).click();
		await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
		await expect(page.getByText("Un courriel vient d'être envoyé à")).toBeVisible();

		const mail = await mailServer.waitFor('marie.martin@example.com', 'Activez votre compte citoyen');
		await page.goto(linkIn(mail, '/activation'));
		const username = page.getByLabel('Votre identifiant de connexion');
		await expect(username).toHaveValue('marie.martin');
		await expectNoAxeViolations(page);
		await page.getByLabel(/^Mot de passe/).fill('Été à Hesdigneul, 2026 !');
		await page.getByLabel('Répéter votre mot de passe').fill('Été à Hesdigneul, 2026 !');
		await expect(page.getByText('les deux mots de passe sont identiques')).toHaveClass(/ok/);
		await page.getByRole('button', { name: 'Valider et accéder à votre compte' }).click();

		await expect(page.getByText('Bonjour Marie MARTIN')).toBeVisible();
		await expect(page).toHaveURL(/\/$/);
		// The link was single use.
		await page.goto(linkIn(mail, '/activation'));
		await expect(page.getByRole('alert')).toContainText('n’est plus valable');
	});
});

test.describe('création de compte : étapes et brouillon', () => {
	test('Back and Forward move between the steps, a reload keeps everything, and the draft goes once the request is saved', async ({
		page,
		mailServer
	}) => {
		const draft = () => page.evaluate(() => sessionStorage.getItem('portail.brouillon.creer-mon-compte'));
		await page.goto('/creer-mon-compte');
		await page.getByRole('main').getByRole('link', { name: 'Créer mon compte' }).click();
		await page.getByLabel('Civilité').selectOption('Madame');
		await page.getByLabel('Nom de naissance').fill('Lefebvre');
		await page.getByLabel(/^Prénom/).fill('Inès');
		await page.getByLabel('Jour').fill('3');
		await page.getByLabel('Mois').fill('11');
		await page.getByLabel('Année').fill('1990');
		await page.getByLabel('Commune de naissance').fill('Samer');
		await page.getByLabel('Département de naissance').fill('62');
		await page.getByLabel('Email').fill('ines.lefebvre@example.com');
		await page.getByText('Je ne suis pas un robot').click();
		await expect(page.locator('altcha-widget [data-state="verified"]')).toBeVisible({ timeout: 30_000 });
		await page.getByRole('button', { name: 'Suivant' }).click();
		const recap = page.getByRole('region', { name: 'Informations de la demande' });
		await expect(recap).toContainText('03/11/1990');

		const stepOne = page.getByRole('heading', { level: 2, name: '1 - Identité' });
		const everythingKept = async () => {
			await expect(page.getByLabel('Civilité')).toHaveValue('Madame');
			await expect(page.getByLabel('Nom de naissance')).toHaveValue('Lefebvre');
			await expect(page.getByLabel(/^Prénom/)).toHaveValue('Inès');
			await expect(page.getByLabel('Année')).toHaveValue('1990');
			await expect(page.getByLabel('Email')).toHaveValue('ines.lefebvre@example.com');
			await expect(page.getByText('Vérification effectuée.')).toBeVisible();
		};
		await page.goBack();
		await expect(stepOne).toBeFocused();
		await expect(page).toHaveURL(/\/creer-mon-compte\/formulaire$/);
		await everythingKept();
		await page.goForward();
		await expect(recap).toContainText('ines.lefebvre@example.com');
		await page.reload();
		await expect(recap).toContainText('Lefebvre');
		await expect(recap).toContainText('03/11/1990');
		await page.goBack();
		await everythingKept();
		await page.reload();
		await everythingKept();
		await page.goForward();
		await expect(recap).toContainText('Inès');

		// The same with the keyboard: focus lands on each step's heading.
		await page.getByRole('button', { name: 'Modifier les informations' }).focus();
		await page.keyboard.press('Enter');
		await expect(stepOne).toBeFocused();
		await page.getByLabel('Email').focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 2, name: 'Informations de la demande' })).toBeFocused();

		await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
		await expect(page.getByText("Un courriel vient d'être envoyé à")).toContainText(
			'ines.lefebvre@example.com'
		);
		expect(await draft()).toBeNull();
		await mailServer.waitFor('ines.lefebvre@example.com', 'Activez votre compte citoyen');
		await page.reload();
		await expect(page.getByLabel('Nom de naissance')).toHaveValue('');
	});
});

test.describe('création de compte : après l’envoi', () => {
	/** Step 1 filled as Élodie would, the box ticked. */
	async function fillIdentity(page: Page, email: string) {
		await page.getByLabel('Civilité').selectOption('Madame');
		await page.getByLabel('Nom de naissance').fill('Martin-Lefèvre');
		await page.getByLabel(/^Prénom/).fill('Élodie');
		await page.getByLabel('Jour').fill('14');
		await page.getByLabel('Mois').fill('03');
		await page.getByLabel('Année').fill('1985');
		await page.getByLabel('Commune de naissance').fill('Boulogne-sur-Mer');
		await page.getByLabel('Département de naissance').fill('62');
		await page.getByLabel('Email').fill(email);
	}
	const tick = async (page: Page) => {
		await page.getByText('Je ne suis pas un robot').click();
		await expect(page.locator('altcha-widget [data-state="verified"]')).toBeVisible({ timeout: 30_000 });
	};

	test('Back after "Demande enregistrée" shows the form with the box to tick again, never the spent proof', async ({
		page,
		mailServer
	}) => {
		await page.goto('/creer-mon-compte/formulaire');
		await fillIdentity(page, 'elodie.martin@example.org');
		await tick(page);
		await page.getByRole('button', { name: 'Suivant' }).click();
		await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
		await expect(page.getByRole('heading', { name: 'Demande enregistrée' })).toBeVisible();
		await mailServer.waitFor('elodie.martin@example.org', 'Activez votre compte citoyen');

		await page.goBack();
		await expect(page.getByRole('heading', { level: 2, name: '1 - Identité' })).toBeFocused();
		await expect(page.getByLabel('Nom de naissance')).toHaveValue('Martin-Lefèvre');
		await expect(page.getByText('Vérification effectuée.')).toHaveCount(0);
		await expect(page.getByText('Je ne suis pas un robot')).toBeVisible();
		await expect(page.locator('altcha-widget [data-state="verified"]')).toHaveCount(0);

		// A new request, the e-mail corrected: sent like the first, with a proof of its own.
		await page.getByLabel('Email').fill('elodie.martin@example.com');
		await tick(page);
		await page.getByRole('button', { name: 'Suivant' }).click();
		await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
		await expect(page.getByText("Un courriel vient d'être envoyé à")).toContainText(
			'elodie.martin@example.com'
		);
		await mailServer.waitFor('elodie.martin@example.com', 'Activez votre compte citoyen');
	});

	test('a proof the server refuses is said once, under the box, with the keyboard on it', async ({
		page,
		mailServer
	}) => {
		const draftKey = 'portail.brouillon.creer-mon-compte';
		await page.goto('/creer-mon-compte/formulaire');
		await fillIdentity(page, 'elodie.martin@example.org');
		await tick(page);
		await page.getByRole('button', { name: 'Suivant' }).click();
		// The draft as it was, proof included, put back once that proof is spent (another tab, say).
		const draft = await page.evaluate((key) => sessionStorage.getItem(key), draftKey);
		await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
		await mailServer.waitFor('elodie.martin@example.org', 'Activez votre compte citoyen');
		await page.evaluate(([key, value]) => sessionStorage.setItem(key!, value!), [draftKey, draft]);
		await page.goto('/creer-mon-compte/formulaire');
		await expect(page.getByRole('region', { name: 'Informations de la demande' })).toContainText(
			'Martin-Lefèvre'
		);
		await page.getByRole('button', { name: 'Enregistrer la demande' }).focus();
		await page.keyboard.press('Enter');

		await expect(page.getByRole('heading', { level: 2, name: '1 - Identité' })).toBeVisible();
		await expect(page.locator('#captcha-erreur')).toBeVisible();
		const refusal = (await page.locator('#captcha-erreur').textContent())?.trim() ?? '';
		await expect(page.getByText(refusal)).toHaveCount(1);
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(page.locator('altcha-widget input[type="checkbox"]')).toBeFocused();
		await expectNoAxeViolations(page);
	});

	test('every mistake of step 1 is said at the first press: the date, the département and the e-mail together', async ({
		page
	}) => {
		await page.goto('/creer-mon-compte/formulaire');
		await fillIdentity(page, 'elodie@');
		await page.getByLabel('Jour').fill('31');
		await page.getByLabel('Mois').fill('02');
		await page.getByLabel('Année').fill('2030');
		await page.getByLabel('Département de naissance').fill('999');
		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page.locator('#date-naissance-erreur')).toContainText('Date invalide');
		await expect(page.locator('#departement-naissance-erreur')).toContainText(
			'Numéro de département invalide'
		);
		await expect(page.locator('#email-erreur')).toContainText('Adresse électronique invalide');
		await expect(page.locator('#captcha-erreur')).toContainText('Cochez la case');
		await expect(page.getByLabel('Jour')).toBeFocused();
	});
});

test.describe('case anti-robot', () => {
	test('the box is drawn before it is focused, and its focus ring stays clear of its label', async ({
		page
	}) => {
		await page.goto('/creer-mon-compte/formulaire');
		const box = page.locator('altcha-widget input[type="checkbox"]');
		const label = page.locator('altcha-widget label', { hasText: 'Je ne suis pas un robot' });
		await expect(label).toBeVisible();
		const drawn = () =>
			box.evaluate((el) => {
				const style = getComputedStyle(el);
				const rect = el.getBoundingClientRect();
				return {
					width: rect.width,
					height: rect.height,
					right: rect.right,
					border: `${style.borderTopStyle} ${style.borderTopWidth}`,
					borderColor: style.borderTopColor,
					outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
					offset: parseFloat(style.outlineOffset)
				};
			});
		const idle = await drawn();
		expect(idle.border).toBe('solid 2px');
		expect(idle.borderColor).toBe('rgb(77, 91, 94)');
		expect(idle.width).toBeGreaterThanOrEqual(20);
		expect(idle.height).toBe(idle.width);

		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page.locator('#captcha-erreur')).toContainText('Cochez la case de vérification anti-robot.');
		await box.focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab');
		await expect(box).toBeFocused();
		const focused = await drawn();
		expect(focused.outline).toBeGreaterThanOrEqual(2);
		const labelLeft = (await label.boundingBox())?.x ?? 0;
		expect(focused.right + focused.offset + focused.outline).toBeLessThan(labelLeft);
		await page.keyboard.press('Space');
		await expect(page.locator('altcha-widget [data-state="verified"]')).toBeVisible({ timeout: 30_000 });
		await expect(page.locator('#captcha-erreur')).toHaveCount(0);
	});
});

test.describe('connexion', () => {
	test.use({ demo: true });

	test('sign in, sign out, and return to the démarche asked for', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: /Réservation Cantine/ }).click();
		await expect(page).toHaveURL(/\/connexion\?retour=/);
		await expect(page.getByText('identifiant pascal.dupin')).toBeVisible();
		await expectNoAxeViolations(page);

		await signIn(page, 'pascal.dupin', 'mauvais mot de passe');
		await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
		await expect(page.getByLabel('Identifiant ou courriel')).toHaveValue('pascal.dupin');

		await signIn(page, 'pascal.dupin', 'Hesdigneul62');
		await expect(page).toHaveURL(/\/demarches\/reservation-cantine$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Réservation Cantine' })).toBeVisible();
		await expect(page.getByText('Bonjour Pascal DUPIN')).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Mon compte' }).click();
		await page.getByRole('button', { name: 'Déconnexion' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('link', { name: 'Me connecter' })).toBeVisible();
		await expect(page.getByText('Bonjour Pascal DUPIN')).toHaveCount(0);
		// Signed out on the server too: the profile asks to sign in again.
		await page.goto('/profil');
		await expect(page).toHaveURL(/\/connexion\?retour=%2Fprofil$/);
	});

	test('lost username, then lost password and reset', async ({ page, mailServer }) => {
		await page.goto('/connexion');
		await page.getByRole('link', { name: 'Mot de passe / identifiant perdu ?' }).click();
		await page.getByLabel('Mon identifiant').check();
		await page.getByLabel('Votre courriel').fill('pascal.dupin@example.com');
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Envoyer' }).click();
		await expect(page.getByText("votre nom d'utilisateur vous a été transmis par courriel")).toBeVisible();
		const reminder = await mailServer.waitFor('pascal.dupin@example.com', 'Votre identifiant de connexion');
		expect(reminder.text).toContain('pascal.dupin');

		await page.goto('/identifiants-perdus');
		await page.getByLabel('Mon mot de passe').check();
		await page.getByLabel("Votre nom d'utilisateur").fill('pascal.dupin');
		await page.getByRole('button', { name: 'Envoyer' }).click();
		await expect(page.getByText('afin de vous permettre de réinitialiser votre mot de passe')).toBeVisible();
		const reset = await mailServer.waitFor(
			'pascal.dupin@example.com',
			'Réinitialisation de votre mot de passe'
		);

		await page.goto(linkIn(reset, '/mot-de-passe/nouveau'));
		await expect(page.getByText('pascal.dupin')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByLabel(/^Mot de passe/).fill('NouveauSecret2026');
		await page.getByLabel('Répéter votre mot de passe').fill('NouveauSecret2026');
		await page.getByRole('button', { name: 'Valider le nouveau mot de passe' }).click();
		const changed = page.getByRole('status').filter({ hasText: 'Votre mot de passe a été changé.' });
		await expect(changed).toBeVisible();
		await expect(changed).toBeFocused();
		await expect(page.getByText('Bonjour Pascal DUPIN')).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Mon compte' }).click();
		await page.getByRole('button', { name: 'Déconnexion' }).click();
		await page.goto('/connexion');
		await signIn(page, 'pascal.dupin', 'Hesdigneul62');
		await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
		await signIn(page, 'pascal.dupin@example.com', 'NouveauSecret2026');
		await expect(page.getByText('Bonjour Pascal DUPIN')).toBeVisible();
	});
});

test.describe('mon profil', () => {
	test.use({ demo: true });

	test('shows the household and edits a phone and an address', async ({ page }) => {
		await page.goto('/connexion?retour=%2Fprofil');
		await signIn(page, 'pascal.dupin', 'Hesdigneul62');
		await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();

		const civil = page.getByRole('region', { name: 'Mes données civiles' });
		await expect(civil).toContainText('DUPIN');
		await expect(civil).toContainText('01/01/1971');
		await expect(page.getByRole('region', { name: 'Mon foyer' })).toContainText('DUPIN Pascal (Titulaire)');
		await expect(page.getByRole('region', { name: 'Mon foyer' })).toContainText('DUPIN Tim');
		await expect(page.getByRole('region', { name: 'Enfants scolarisés du foyer' })).toContainText('CE2');
		// His age fits his class: a CE2 of this school year (the demo was installed today).
		const foyer = page.getByRole('region', { name: 'Mon foyer' });
		await foyer.getByRole('button', { name: /Détails/ }).click();
		const born = birthYearFor('CE2', new Date().toISOString().slice(0, 10));
		await expect(foyer.locator('dt', { hasText: 'DUPIN Tim' }).locator('+ dd')).toHaveText(
			`né(e) le 14/03/${born}`
		);
		await foyer.getByRole('button', { name: /Fermer/ }).click();
		await expect(page.getByRole('region', { name: 'Ma bibliothèque de justificatifs' })).toContainText(
			'Aucun justificatif'
		);
		await expectNoAxeViolations(page);

		const contact = page.getByRole('region', { name: 'Mes informations de contact' });
		await expect(contact).toContainText('06.06.06.06.06');
		await contact.getByRole('button', { name: /Détails/ }).click();
		await contact.getByLabel('Téléphone fixe').fill('03 21 00 00');
		await contact.getByRole('button', { name: 'Enregistrer les téléphones' }).click();
		await expect(contact.locator('#telephone-fixe-erreur')).toContainText('Numéro invalide');
		await expect(contact.getByLabel('Téléphone fixe')).toHaveValue('03 21 00 00');
		await contact.getByLabel('Téléphone fixe').fill('03 21 00 00 00');
		await contact.getByRole('button', { name: 'Enregistrer les téléphones' }).click();
		await expect(contact).toContainText('03.21.00.00.00');

		const addresses = page.getByRole('region', { name: 'Mes adresses' });
		await expect(addresses).toContainText('Rue des Buissons Fleuris');
		await addresses.getByRole('button', { name: /Détails/ }).click();
		await addresses.getByRole('button', { name: '+ Ajouter une adresse' }).click();
		await addresses.getByLabel("Nom de l'adresse").fill('Adresse secondaire');
		await addresses.getByLabel('Ville').fill('Samer');
		await addresses.getByLabel('Code postal').fill('6283');
		await addresses.getByLabel('Type et nom de la voie').fill('Rue du Breuil');
		await addresses.getByRole('button', { name: 'Ajouter cette adresse' }).click();
		await expect(addresses.getByText('Code postal invalide')).toBeVisible();
		await addresses.getByLabel('Code postal').fill('62830');
		await addresses.getByLabel('Adresse par défaut').check();
		await addresses.getByRole('button', { name: 'Ajouter cette adresse' }).click();
		await addresses.getByRole('button', { name: 'Fermer' }).first().click();
		await expect(addresses).toContainText('Adresse secondaire (adresse par défaut)');
		await expect(addresses).toContainText('62830 SAMER');

		await page.reload();
		await expect(page.getByRole('region', { name: 'Mes adresses' })).toContainText('62830 SAMER');
		await expect(page.getByRole('region', { name: 'Mes informations de contact' })).toContainText(
			'03.21.00.00.00'
		);
	});

	test.describe('the session slower than the profile', () => {
		test.use({ serviceWorkers: 'block' });

		test('reloaded while the session has not answered yet, the profile shown stays', async ({ page }) => {
			await page.goto('/connexion?retour=%2Fprofil');
			await signIn(page, 'pascal.dupin', 'Hesdigneul62');
			await expect(page.getByRole('region', { name: 'Mes adresses' })).toContainText(
				'Rue des Buissons Fleuris'
			);

			// A loaded server: the profile answers first, the session after it.
			const session = await hold(page, '/api/auth/session');
			await page.reload();
			await expect(page.getByRole('region', { name: 'Mes adresses' })).toContainText(
				'Rue des Buissons Fleuris'
			);
			expect(session.count()).toBeGreaterThan(0);
			const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/session');
			await session.release();
			await answered;
			// The session names the same account: nothing to forget, the page goes on showing it.
			await expect(page.getByText('Votre identifiant de connexion')).toBeVisible();
			await expect(page.getByRole('region', { name: 'Mes adresses' })).toContainText(
				'Rue des Buissons Fleuris'
			);
		});
	});

	test('at ten addresses, no form is offered for an eleventh: the page says why', async ({
		page,
		baseURL
	}) => {
		await page.goto('/connexion?retour=%2Fprofil');
		await signIn(page, 'pascal.dupin', 'Hesdigneul62');
		const addresses = page.getByRole('region', { name: 'Mes adresses' });
		await expect(addresses).toContainText('Rue des Buissons Fleuris');
		// Nine more through the API, with the page's own session: he has ten.
		for (let n = 2; n <= 10; n++) {
			const added = await page.request.post('/api/profile/addresses', {
				headers: { Origin: baseURL ?? '' },
				data: {
					name: `Adresse ${n}`,
					country: 'France',
					city: 'Samer',
					postalCode: '62830',
					streetNumber: String(n),
					numberComplement: '',
					street: 'Rue du Breuil',
					streetComplement: '',
					isDefault: false
				}
			});
			expect(added.status(), await added.text()).toBeLessThan(300);
		}
		await page.reload();
		await addresses.getByRole('button', { name: /Détails/ }).click();
		await expect(addresses).toContainText('Adresse 10');
		await expect(addresses).toContainText('Vous avez déjà 10 adresses : supprimez-en une');
		await expect(addresses.getByRole('button', { name: '+ Ajouter une adresse' })).toHaveCount(0);
		await expectNoAxeViolations(page);
	});

	test('a name another address already has is refused beside the field, whatever its case and accents', async ({
		page
	}) => {
		await page.goto('/connexion?retour=%2Fprofil');
		await signIn(page, 'pascal.dupin', 'Hesdigneul62');
		const addresses = page.getByRole('region', { name: 'Mes adresses' });
		await expect(addresses).toContainText('Rue des Buissons Fleuris');
		await addresses.getByRole('button', { name: /Détails/ }).click();
		await addresses.getByRole('button', { name: '+ Ajouter une adresse' }).click();
		const name = addresses.getByLabel("Nom de l'adresse");
		await name.fill('adresse PRINCIPALE');
		await addresses.getByLabel('Ville').fill('Samer');
		await addresses.getByLabel('Code postal').fill('62830');
		await addresses.getByLabel('Type et nom de la voie').fill('Rue du Breuil');
		await addresses.getByRole('button', { name: 'Ajouter cette adresse' }).click();
		await expect(addresses.locator('#nouvelle-adresse-nom-erreur')).toHaveText(
			'Vous avez déjà une adresse nommée « Adresse principale ».'
		);
		await expect(name).toHaveAttribute('aria-invalid', 'true');
		await expect(name).toBeFocused();
		// Said once, beside the field; what was typed stays.
		await expect(addresses.getByRole('alert')).toHaveCount(0);
		await expect(addresses.getByLabel('Type et nom de la voie')).toHaveValue('Rue du Breuil');
		await expectNoAxeViolations(page);

		await name.fill('Chez les grands-parents');
		await expect(addresses.locator('#nouvelle-adresse-nom-erreur')).toHaveCount(0);
		await addresses.getByRole('button', { name: 'Ajouter cette adresse' }).click();
		await expect(addresses).toContainText('62830 SAMER');
		await expect(addresses.getByRole('button', { name: /^Supprimer/ })).toHaveCount(2);
	});

	test('reads on a phone: each value under its label, never in a narrow column; beside it on a desktop', async ({
		page
	}) => {
		await page.goto('/connexion?retour=%2Fprofil');
		await signIn(page, 'pascal.dupin', 'Hesdigneul62');
		await expect(page.getByRole('region', { name: 'Mes données civiles' })).toContainText('DUPIN');
		const layout = () =>
			page.evaluate(() => ({
				viewport: window.innerWidth,
				overflow: document.documentElement.scrollWidth - window.innerWidth,
				height: document.documentElement.scrollHeight,
				values: [...document.querySelectorAll('.profile-section dd')].map((dd) => {
					const value = dd.getBoundingClientRect();
					const label = dd.previousElementSibling?.getBoundingClientRect();
					return { text: dd.textContent, width: value.width, beside: !!label && value.left > label.right };
				})
			}));
		for (const width of [320, 360]) {
			await page.setViewportSize({ width, height: 740 });
			const seen = await layout();
			expect(seen.overflow, `${width} px`).toBeLessThanOrEqual(0);
			expect(seen.values.length).toBeGreaterThan(10);
			for (const value of seen.values) {
				expect(value.width, `${value.text} at ${width} px`).toBeGreaterThanOrEqual(0.4 * width);
				expect(value.beside).toBe(false);
			}
			// A narrow column would make it far taller; Ma bibliothèque de justificatifs adds ~150 px.
			expect(seen.height, `page height at ${width} px`).toBeLessThan(3800);
		}
		await page.setViewportSize({ width: 1366, height: 900 });
		const desktop = await layout();
		for (const value of desktop.values) {
			expect(value.beside, value.text ?? '').toBe(true);
			expect(value.width).toBeGreaterThanOrEqual(200);
		}
	});

	test('changes the e-mail only once the link sent to the new address is followed', async ({
		page,
		mailServer
	}) => {
		await page.setViewportSize({ width: 320, height: 700 });
		await page.goto('/connexion?retour=%2Fprofil');
		await signIn(page, 'pascal.dupin', 'Hesdigneul62');
		const email = page.getByRole('region', { name: 'Courriel' });
		await expect(email).toContainText('pascal.dupin@example.com');
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);

		await email.getByRole('button', { name: /Détails/ }).click();
		await email.getByLabel('Nouvelle adresse électronique').fill('pascal@example.org');
		await email.getByRole('button', { name: "Changer d'adresse" }).click();
		await expect(email).toContainText('Un lien de confirmation a été envoyé à pascal@example.org');
		await expect(email.locator('dd')).toHaveText('pascal.dupin@example.com');
		const notice = await mailServer.waitFor(
			'pascal.dupin@example.com',
			'Changement d’adresse électronique demandé'
		);
		expect(notice.text).toContain('pascal@example.org');

		const confirm = await mailServer.waitFor(
			'pascal@example.org',
			'Confirmez votre nouvelle adresse électronique'
		);
		await page.goto(linkIn(confirm, '/profil/confirmer-courriel'));
		await expect(page.getByRole('status')).toContainText(
			'Votre adresse électronique est désormais pascal@example.org'
		);
		await expectNoAxeViolations(page);
		await page.getByRole('main').getByRole('link', { name: 'Mon profil' }).click();
		await expect(page.getByRole('region', { name: 'Courriel' }).locator('dd')).toHaveText(
			'pascal@example.org'
		);
	});
});
