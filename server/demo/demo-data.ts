import { hashPassword } from '../accounts/password-hash.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { addChild, createHouseholdWithTitulaire } from '../profile/household-service.ts';
import { birthYearFor } from './school-age.ts';

const DEMO_KEY = 'demo-data-v1';

/** The demo family of the README and of the demo's sign-in page. */
export const DEMO_CITIZEN = {
	username: 'pascal.dupin',
	password: 'Hesdigneul62',
	email: 'pascal.dupin@example.com'
};
export const TOWN_SCHOOL = 'École publique de Hesdigneul-lès-Boulogne';
const TIM_CLASS = 'CE2';

/**
 * What `npm run demo` adds to the town's defaults, once: a notice, and the DUPIN family so a
 * newcomer can sign in and book at once. Never called by a plain start: a town's real database
 * holds no demonstration content.
 */
export async function installDemoData(db: Db, clock: Clock): Promise<boolean> {
	const done = await db.selectFrom('town_setup').select('key').where('key', '=', DEMO_KEY).executeTakeFirst();
	if (done) return false;
	const passwordHash = await hashPassword(DEMO_CITIZEN.password);
	return db.transaction().execute(async (trx) => {
		const again = await trx
			.selectFrom('town_setup')
			.select('key')
			.where('key', '=', DEMO_KEY)
			.executeTakeFirst();
		if (again) return false;
		const now = clock.now().toISOString();
		await trx
			.insertInto('news_item')
			.values({
				title: 'Portail de démonstration',
				body: 'Ce portail est une démonstration : les informations qui y sont saisies ne sont pas transmises à la mairie.',
				published_on: now.slice(0, 10),
				created_at: now
			})
			.execute();

		const pascal = await createHouseholdWithTitulaire(
			trx,
			{
				civilite: 'Monsieur',
				nomNaissance: 'DUPIN',
				prenom: 'Pascal',
				prenom2: undefined,
				prenom3: undefined,
				dateNaissance: '1971-01-01',
				paysNaissance: 'France',
				communeNaissance: 'LYON 04',
				departementNaissance: '69'
			},
			{ username: DEMO_CITIZEN.username, email: DEMO_CITIZEN.email, passwordHash, role: 'citizen' },
			now
		);
		await trx
			.insertInto('address')
			.values({
				household_id: pascal.householdId,
				name: 'Adresse principale',
				country: 'France',
				city: 'HESDIGNEUL LES BOULOGNE',
				postal_code: '62360',
				street_number: null,
				number_complement: null,
				street: 'Rue des Buissons Fleuris',
				street_complement: null,
				is_default: 1,
				updated_at: now
			})
			.execute();
		await trx
			.insertInto('phone')
			.values({ person_id: pascal.personId, kind: 'portable', number: '0606060606' })
			.execute();
		await addChild(
			trx,
			pascal.householdId,
			{ personId: pascal.personId, relation: 'pere' },
			{
				sexe: 'M',
				nomNaissance: 'DUPIN',
				prenom: 'Tim',
				dateNaissance: `${birthYearFor(TIM_CLASS, now.slice(0, 10))}-03-14`,
				paysNaissance: 'France',
				communeNaissance: 'BOULOGNE-SUR-MER',
				departementNaissance: '62',
				school: { school: TOWN_SCHOOL, level: TIM_CLASS },
				sessions: ['restauration-scolaire', 'garderie']
			},
			now
		);
		await trx.insertInto('town_setup').values({ key: DEMO_KEY }).execute();
		return true;
	});
}
