import { openDatabase } from '../../../server/db/database.ts';
import { DEMO_AGENT } from '../../../server/demo/demo-agents.ts';
import { postTownMessage } from '../../../server/messages/town-messages.ts';

/**
 * Test-only: a message from the town to the demo DUPIN family, written in the stopped portal's
 * database (DATA_DIR) as an agent's action writes it. Run with `node --import tsx` between a
 * portal's stop and start: the e2e tests have no agent's side to write it through yet.
 */
const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR manquant');
const { db } = openDatabase(dataDir);
const family = await db
	.selectFrom('account')
	.select('household_id')
	.where('username', '=', 'pascal.dupin')
	.executeTakeFirstOrThrow();
const agent = await db
	.selectFrom('account')
	.select('id')
	.where('username', '=', DEMO_AGENT.username)
	.executeTakeFirstOrThrow();
await db.transaction().execute((trx) =>
	postTownMessage(trx, new Date(), {
		householdId: family.household_id,
		demandeId: null,
		subject: 'Information sur la cantine',
		body: 'Bonjour, la cantine sera fermée vendredi.',
		agentAccountId: agent.id
	})
);
await db.destroy();
