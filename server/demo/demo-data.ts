import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';

const DEMO_KEY = 'demo-data-v1';

/**
 * What `npm run demo` adds to the town's defaults, once. Never called by a plain start: a town's
 * real database holds no demonstration content.
 */
export async function installDemoData(db: Db, clock: Clock): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const done = await trx
			.selectFrom('town_setup')
			.select('key')
			.where('key', '=', DEMO_KEY)
			.executeTakeFirst();
		if (done) return false;
		const now = clock.now();
		await trx
			.insertInto('news_item')
			.values({
				title: 'Portail de démonstration',
				body: 'Ce portail est une démonstration : les informations qui y sont saisies ne sont pas transmises à la mairie.',
				published_on: now.toISOString().slice(0, 10),
				created_at: now.toISOString()
			})
			.execute();
		await trx.insertInto('town_setup').values({ key: DEMO_KEY }).execute();
		return true;
	});
}
