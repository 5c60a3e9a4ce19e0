import { describe, expect, it } from 'vitest';
import type { FamillesPage } from '../../../src/lib/domain/backoffice/familles/familles.ts';
import { expectError } from '../support/expect.ts';
import { json } from '../support/http-client.ts';
import { familiesAndAgent } from './familles-support.ts';

const search = async (client: { get: (p: string) => Promise<Response> }, q: string) =>
	json<FamillesPage>(await client.get(`/api/admin/familles?q=${encodeURIComponent(q)}`));

describe('GET /api/admin/familles', () => {
	it('finds a household by a name, accents and case ignored, by a child and by an e-mail', async () => {
		const { agent, dupin, martin } = await familiesAndAgent();
		const byName = await search(agent, 'dupin');
		expect(byName.results.map((r) => r.id)).toEqual([dupin.account.householdId]);
		expect(byName.results[0]).toMatchObject({
			titulaire: 'DUPIN Pascal',
			emails: ['pascal.dupin@example.com']
		});
		expect(byName.results[0]?.enfants).toEqual(['DUPIN Tim']);
		// "lea" finds Léa (the MARTIN child), "LÉA" too.
		expect((await search(agent, 'lea')).results.map((r) => r.id)).toEqual([martin.householdId]);
		expect((await search(agent, 'LÉA')).results.map((r) => r.id)).toEqual([martin.householdId]);
		expect((await search(agent, 'claire.martin@')).results.map((r) => r.id)).toEqual([martin.householdId]);
		expect((await search(agent, 'Tim Dupin')).results.map((r) => r.id)).toEqual([dupin.account.householdId]);
		// The words in any order, as an agent reads a name off a form: nom then prénom.
		expect((await search(agent, 'dupin tim')).results.map((r) => r.id)).toEqual([dupin.account.householdId]);
		expect((await search(agent, 'DUPIN  Léa')).results).toEqual([]);
		expect((await search(agent, 'personne')).results).toEqual([]);
	});

	it("never lists the town's household, even by an agent's name", async () => {
		const { agent } = await familiesAndAgent();
		// signInAgent's person is "Marie Agent", in the household of kind 'mairie'.
		expect((await search(agent, 'marie')).results).toEqual([]);
		expect((await search(agent, 'mairie.example.fr')).results).toEqual([]);
		const all = await search(agent, '');
		expect(all.results).toHaveLength(2);
	});

	it('refuses a search longer than 100 characters, and a family or a visitor', async () => {
		const { agent, dupin } = await familiesAndAgent();
		await expectError(await agent.get(`/api/admin/familles?q=${'a'.repeat(101)}`), 400, {
			code: 'invalid_fields'
		});
		await expectError(await dupin.client.get('/api/admin/familles?q=dupin'), 403, { code: 'agents_only' });
	});
});
