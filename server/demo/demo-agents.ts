import { hashPassword } from '../accounts/password-hash.ts';
import { createAgentAccount } from '../backoffice/agents/agent-accounts.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';

const DEMO_AGENTS_KEY = 'demo-agents-v1';

/** The demo's administrator: the README and the demo's sign-in page give these. */
export const DEMO_AGENT = {
	username: 'agent.mairie',
	password: 'Hesdigneul62',
	email: 'agent.mairie@example.fr'
};

/** Adds the demo's administrator once (`npm run demo`); false when already there. */
export async function installDemoAgents(db: Db, clock: Clock): Promise<boolean> {
	const done = await db
		.selectFrom('town_setup')
		.select('key')
		.where('key', '=', DEMO_AGENTS_KEY)
		.executeTakeFirst();
	if (done) return false;
	const passwordHash = await hashPassword(DEMO_AGENT.password);
	return db.transaction().execute(async (trx) => {
		const again = await trx
			.selectFrom('town_setup')
			.select('key')
			.where('key', '=', DEMO_AGENTS_KEY)
			.executeTakeFirst();
		if (again) return false;
		await createAgentAccount(trx, clock.now(), {
			email: DEMO_AGENT.email,
			prenom: 'Agnès',
			nom: 'Mairie',
			role: 'administrateur',
			username: DEMO_AGENT.username,
			passwordHash
		});
		await trx.insertInto('town_setup').values({ key: DEMO_AGENTS_KEY }).execute();
		return true;
	});
}
