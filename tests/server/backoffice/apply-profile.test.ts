import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/lib/domain/profile/profile.ts';
import { correctionEtatCivilSchema } from '../../../src/lib/domain/requests/forms/correction-etat-civil.ts';
import { miseAJourAdresseSchema } from '../../../src/lib/domain/requests/forms/mise-a-jour-adresse.ts';
import { miseAJourFiliationSchema } from '../../../src/lib/domain/requests/forms/mise-a-jour-filiation.ts';
import { dupins, pull, withMartinFamily } from '../support/agenda.ts';
import { signInAgent } from '../support/agents.ts';
import { accept, personNamed, sentDemande } from '../support/apply.ts';
import { json, TestClient } from '../support/http-client.ts';

const TODAY = '2026-11-28';
const NEW_ADDRESS = {
	name: 'Adresse principale',
	country: 'France',
	city: 'Boulogne-sur-Mer',
	postalCode: '62200',
	streetNumber: '3',
	street: 'Rue de la Lampe',
	isDefault: true
};

async function profileOf(client: TestClient): Promise<Profile> {
	const res = await client.get('/api/profile');
	expect(res.status).toBe(200);
	return json<Profile>(res);
}

/** A justificatif step left for later: the answers as the real form's submit schema outputs them. */
const later = { 'justificatif-domicile': { choice: 'plus-tard' } };
const livretLater = { 'livret-famille': { choice: 'plus-tard' } };

async function setup() {
	const { ctx, client, timId } = await dupins();
	const agent = await signInAgent(ctx, new TestClient(ctx.app));
	return { ctx, client, timId, agentId: agent.accountId };
}

describe('Accepting a change of the profile', () => {
	it('replaces the address the family chose: still one default address, the new street', async () => {
		const { ctx, client, agentId } = await setup();
		const before = await profileOf(client);
		const old = before.addresses.find((a) => a.isDefault)!;
		const data = miseAJourAdresseSchema(TODAY).parse({
			adresse: {
				nouvelleAdresse: NEW_ADDRESS,
				remplace: { addressId: old.id, label: old.name },
				dateEffet: '2026-11-20'
			},
			justificatifs: later
		});
		const applied = await accept(ctx, await sentDemande(ctx, 'mise-a-jour-adresse', data, 9201), agentId);
		expect(applied.changes).toEqual([
			'Adresse remplacée (Adresse principale) par : Adresse principale : 3 Rue de la Lampe, 62200 BOULOGNE-SUR-MER (à partir du 20/11/2026)'
		]);
		const after = await profileOf(client);
		expect(after.addresses).toHaveLength(before.addresses.length);
		expect(after.addresses.filter((a) => a.isDefault)).toEqual([
			expect.objectContaining({ id: old.id, street: 'Rue de la Lampe', city: 'BOULOGNE-SUR-MER' })
		]);
	});

	it('adds an address without replacing one, under the profile’s rules (a name taken is refused)', async () => {
		const { ctx, client, agentId } = await setup();
		const before = await profileOf(client);
		const raw = (name: string) =>
			miseAJourAdresseSchema(TODAY).parse({
				adresse: {
					nouvelleAdresse: { ...NEW_ADDRESS, name, isDefault: false },
					remplace: null,
					dateEffet: TODAY
				},
				justificatifs: later
			});
		const applied = await accept(
			ctx,
			await sentDemande(ctx, 'mise-a-jour-adresse', raw('Chez les grands-parents'), 9202),
			agentId
		);
		expect(applied.changes[0]).toMatch(/^Adresse ajoutée : Chez les grands-parents : 3 Rue de la Lampe/);
		const after = await profileOf(client);
		expect(after.addresses).toHaveLength(before.addresses.length + 1);
		expect(after.addresses.find((a) => a.isDefault)?.id).toBe(before.addresses.find((a) => a.isDefault)?.id);
		await expect(
			accept(ctx, await sentDemande(ctx, 'mise-a-jour-adresse', raw('Adresse principale'), 9203), agentId)
		).rejects.toMatchObject({ status: 409, code: 'address_name_taken' });
	});

	it('adds the new adult of a filiation and links him to the child: the profile shows the link', async () => {
		const { ctx, client, timId, agentId } = await setup();
		const data = miseAJourFiliationSchema(TODAY).parse({
			filiation: {
				enfant: { personId: timId, label: 'DUPIN Tim' },
				adulte: null,
				nouvelAdulte: {
					civilite: 'Madame',
					nomNaissance: 'Martin',
					nomUsage: 'Dupin',
					prenom: 'Sophie',
					dateNaissance: '1985-06-02'
				},
				lien: 'mere'
			},
			justificatifs: livretLater
		});
		const applied = await accept(ctx, await sentDemande(ctx, 'mise-a-jour-filiation', data, 9204), agentId);
		expect(applied.changes).toEqual([
			'Adulte DUPIN Sophie ajouté au foyer',
			'Lien : DUPIN Sophie, Mère de DUPIN Tim'
		]);
		const profile = await profileOf(client);
		expect(profile.household.adults).toContainEqual(
			expect.objectContaining({ nom: 'DUPIN', prenom: 'Sophie' })
		);
		expect(profile.relations).toContainEqual({ person: 'DUPIN Sophie', kind: 'mere', related: 'DUPIN Tim' });
	});

	it('links an adult already in the household once, and refuses another household’s child', async () => {
		const { ctx, client, timId, agentId } = await setup();
		const pascal = await personNamed(ctx, 'Pascal');
		const martin = await withMartinFamily(ctx);
		const filiation = (childId: number) =>
			miseAJourFiliationSchema(TODAY).parse({
				filiation: {
					enfant: { personId: childId, label: 'X' },
					adulte: { personId: pascal.id, label: 'DUPIN Pascal' },
					lien: 'responsable-legal'
				},
				justificatifs: livretLater
			});
		const first = await accept(
			ctx,
			await sentDemande(ctx, 'mise-a-jour-filiation', filiation(timId), 9205),
			agentId
		);
		expect(first.changes).toEqual(['Lien : DUPIN Pascal, Responsable légal de DUPIN Tim']);
		const again = await accept(
			ctx,
			await sentDemande(ctx, 'mise-a-jour-filiation', filiation(timId), 9206),
			agentId
		);
		expect(again.changes).toEqual([]);
		const links = (await profileOf(client)).relations.filter((r) => r.kind === 'responsable-legal');
		expect(links).toHaveLength(1);
		await expect(
			accept(ctx, await sentDemande(ctx, 'mise-a-jour-filiation', filiation(martin.leaId), 9207), agentId)
		).rejects.toMatchObject({ status: 409, code: 'person_gone' });
	});

	it('corrects only the civil fields named, and the agenda shows the corrected name', async () => {
		const { ctx, client, timId, agentId } = await setup();
		const before = await ctx.db
			.selectFrom('person')
			.selectAll()
			.where('id', '=', timId)
			.executeTakeFirstOrThrow();
		const data = correctionEtatCivilSchema(TODAY).parse({
			'etat-civil': {
				personne: { personId: timId, label: 'DUPIN Tim' },
				corrections: { prenom: 'Timothée', communeNaissance: 'Outreau', prenom2: '' },
				motif: 'Erreur de saisie à l’inscription.'
			},
			justificatifs: livretLater
		});
		const applied = await accept(ctx, await sentDemande(ctx, 'correction-etat-civil', data, 9208), agentId);
		expect(applied.changes).toEqual([
			`DUPIN Tim — 1er prénom : Tim → Timothée`,
			`DUPIN Tim — Commune de naissance : ${before.commune_naissance} → OUTREAU`
		]);
		const after = await ctx.db
			.selectFrom('person')
			.selectAll()
			.where('id', '=', timId)
			.executeTakeFirstOrThrow();
		expect(after).toEqual({ ...before, prenom: 'Timothée', commune_naissance: 'OUTREAU' });
		const snapshot = await pull(client, '2026-12-01', '2026-12-31');
		expect(snapshot.persons).toContainEqual(expect.objectContaining({ id: timId, prenom: 'Timothée' }));
	});
});
