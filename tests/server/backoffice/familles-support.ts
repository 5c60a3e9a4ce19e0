import { signInAgent } from '../support/agents.ts';
import { TestClient } from '../support/http-client.ts';
import { apply, draft, twoHouseholds } from '../support/requests.ts';

/** The DUPIN and MARTIN families, a signed-in agent, and one sent demande for each household. */
export async function familiesAndAgent() {
	const homes = await twoHouseholds();
	const agent = new TestClient(homes.ctx.app, { ip: '192.0.2.50' });
	const { accountId } = await signInAgent(homes.ctx, agent, { role: 'agent' });
	const dupinDemande = draft();
	await apply(homes.ctx, homes.dupin, 'submit', dupinDemande);
	const martinDemande = draft({ data: { enfant: { personId: null, nom: 'MARTIN Léa' } } });
	await apply(homes.ctx, homes.martin, 'submit', martinDemande);
	const idOf = async (clientId: string) =>
		(
			await homes.ctx.db
				.selectFrom('demande')
				.select('id')
				.where('client_id', '=', clientId)
				.executeTakeFirstOrThrow()
		).id;
	return {
		...homes,
		agent,
		agentId: accountId,
		dupinDemandeId: await idOf(dupinDemande.demandeId),
		martinDemandeId: await idOf(martinDemande.demandeId)
	};
}
