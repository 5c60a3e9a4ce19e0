import { describe, expect, it } from 'vitest';
import { ficheEnfantSchema } from '../../../src/lib/domain/requests/forms/fiche-enfant-schema.ts';
import { dupins } from '../support/agenda.ts';
import { signInAgent } from '../support/agents.ts';
import { accept, ficheSteps, personNamed, sentDemande } from '../support/apply.ts';
import { TestClient } from '../support/http-client.ts';

const TODAY = '2026-11-28';
const later = (types: string[]) => Object.fromEntries(types.map((t) => [t, { choice: 'plus-tard' }]));

/** A whole fiche for Tim, as the real form's submit schema outputs it, with a conjoint and two contacts. */
function fullFiche(parentId: number, timId: number) {
	return ficheEnfantSchema(TODAY).parse({
		...ficheSteps(parentId),
		conjoint: {
			ajouter: 'oui',
			civilite: 'Madame',
			nomNaissance: 'Martin',
			nomUsage: 'Dupin',
			prenom: 'Sophie',
			dateNaissance: '1986-02-03',
			telephonePortable: '06 12 34 56 78',
			email: 'sophie.dupin@example.org',
			memeAdresse: 'non',
			adresse: {
				name: 'Chez Sophie',
				country: 'France',
				city: 'Outreau',
				postalCode: '62230',
				street: 'Rue Jean Jaurès',
				isDefault: false
			}
		},
		enfant: {
			enfant: { personId: timId, label: 'DUPIN Tim' },
			sessions: ['restauration-scolaire', 'garderie'],
			pai: 'oui',
			etablissement: 'École publique de Hesdigneul-lès-Boulogne',
			niveau: 'CE1'
		},
		autorisations: { droitImage: 'oui', soinsUrgence: 'oui', sortieSeul: 'non', sortiesScolaires: 'oui' },
		'autres-personnes': {
			personnes: [
				{
					nom: 'Dupin',
					prenom: 'Jeanne',
					lien: 'Grand-mère',
					telephone: '03 21 00 00 01',
					autoriseeChercher: true
				},
				{ nom: 'Leroy', prenom: 'Marc', lien: 'Voisin', telephone: '03 21 00 00 02', contactUrgence: true }
			]
		},
		justificatifs: later(['attestation-caf', 'justificatif-domicile', 'livret-famille', 'assurance-rc']),
		signature: { attestation: true, nom: 'DUPIN Pascal', date: TODAY }
	});
}

describe('Accepting a fiche enfant keeps what the agents need', () => {
	it('adds the conjoint (linked to the responsable and the child), the PAI, the authorisations and the other persons', async () => {
		const { ctx, timId } = await dupins();
		const agent = await signInAgent(ctx, new TestClient(ctx.app));
		const pascal = await personNamed(ctx, 'Pascal');
		const fiche = fullFiche(pascal.id, timId);
		const applied = await accept(ctx, await sentDemande(ctx, 'fiche-enfant', fiche, 9301), agent.accountId);
		expect(applied.changes).toEqual(
			expect.arrayContaining([
				'Conjoint DUPIN Sophie ajouté au foyer',
				'Lien : DUPIN Sophie, Mère de DUPIN Tim',
				'PAI : oui',
				'Autres personnes : DUPIN Jeanne (Grand-mère), LEROY Marc (Voisin)'
			])
		);
		const sophie = await ctx.db
			.selectFrom('person')
			.selectAll()
			.where('prenom', '=', 'Sophie')
			.executeTakeFirstOrThrow();
		expect(sophie).toMatchObject({
			role: 'adulte',
			sexe: 'F',
			nom_usage: 'DUPIN',
			household_id: pascal.household_id
		});
		const relations = await ctx.db
			.selectFrom('person_relation')
			.select(['person_id', 'related_person_id', 'kind'])
			.where('person_id', 'in', [pascal.id, sophie.id])
			.where('related_person_id', 'in', [sophie.id, timId])
			.orderBy('id')
			.execute();
		expect(relations).toEqual(
			expect.arrayContaining([
				{ person_id: pascal.id, related_person_id: sophie.id, kind: 'conjoint' },
				{ person_id: sophie.id, related_person_id: timId, kind: 'mere' }
			])
		);
		expect(
			await ctx.db.selectFrom('phone').select(['kind', 'number']).where('person_id', '=', sophie.id).execute()
		).toEqual([{ kind: 'portable', number: '0612345678' }]);
		const contact = await ctx.db
			.selectFrom('person_contact')
			.selectAll()
			.where('person_id', '=', sophie.id)
			.executeTakeFirstOrThrow();
		expect(contact.email).toBe('sophie.dupin@example.org');
		expect(JSON.parse(contact.address_json!)).toMatchObject({ city: 'OUTREAU', street: 'Rue Jean Jaurès' });
		expect(
			await ctx.db
				.selectFrom('child_record')
				.select(['pai', 'situation_familiale'])
				.where('person_id', '=', timId)
				.executeTakeFirstOrThrow()
		).toEqual({
			pai: 1,
			situation_familiale: 'marie'
		});
		const authorisations = await ctx.db
			.selectFrom('child_authorisation')
			.select(['code', 'granted'])
			.where('person_id', '=', timId)
			.orderBy('code')
			.execute();
		expect(authorisations).toEqual([
			{ code: 'droitImage', granted: 1 },
			{ code: 'soinsUrgence', granted: 1 },
			{ code: 'sortieSeul', granted: 0 },
			{ code: 'sortiesScolaires', granted: 1 }
		]);
		const contacts = await ctx.db
			.selectFrom('child_contact')
			.select(['nom', 'prenom', 'contact_urgence', 'autorisee_chercher'])
			.where('person_id', '=', timId)
			.orderBy('id')
			.execute();
		expect(contacts).toEqual([
			{ nom: 'DUPIN', prenom: 'Jeanne', contact_urgence: 0, autorisee_chercher: 1 },
			{ nom: 'LEROY', prenom: 'Marc', contact_urgence: 1, autorisee_chercher: 0 }
		]);

		// A second fiche (for the same child, a year later) finds the same conjoint: no second Sophie,
		// and its contacts replace the first's.
		const next = { ...fiche, 'autres-personnes': { personnes: [] } };
		await accept(ctx, await sentDemande(ctx, 'fiche-enfant', next, 9302), agent.accountId);
		expect(
			await ctx.db.selectFrom('person').select('id').where('prenom', '=', 'Sophie').execute()
		).toHaveLength(1);
		expect(
			await ctx.db.selectFrom('child_contact').select('id').where('person_id', '=', timId).execute()
		).toEqual([]);
	});

	it('shows the child’s fiche (PAI, authorisations, other persons) on the agent’s family page', async () => {
		const { ctx, timId } = await dupins();
		const agentClient = new TestClient(ctx.app);
		const agent = await signInAgent(ctx, agentClient);
		const pascal = await personNamed(ctx, 'Pascal');
		await accept(
			ctx,
			await sentDemande(ctx, 'fiche-enfant', fullFiche(pascal.id, timId), 9303),
			agent.accountId
		);
		const res = await agentClient.get(`/api/admin/familles/${pascal.household_id}`);
		expect(res.status).toBe(200);
		const famille = (await res.json()) as { childFiles: unknown[] };
		expect(famille.childFiles).toEqual([
			{
				personId: timId,
				child: 'DUPIN Tim',
				pai: true,
				authorisations: [
					'Droit à l’image : oui',
					'Soins d’urgence : oui',
					'Sortie seul : non',
					'Sorties scolaires : oui'
				],
				contacts: [
					'DUPIN Jeanne (Grand-mère), 0321000001 : autorisée à venir chercher l’enfant',
					'LEROY Marc (Voisin), 0321000002 : à contacter en cas d’urgence'
				]
			}
		]);
	});
});
