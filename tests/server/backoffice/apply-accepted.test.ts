import { describe, expect, it } from 'vitest';
import {
	applyAcceptedDemande,
	type AcceptedDemande
} from '../../../server/backoffice/demandes/apply-accepted.ts';
import { create, dupins, pushOne } from '../support/agenda.ts';
import { ficheSteps, sentDemande } from '../support/apply.ts';
import { signInAgent } from '../support/agents.ts';
import { TestClient } from '../support/http-client.ts';
import type { TestCtx } from '../support/test-app.ts';

async function pascalOf(ctx: TestCtx) {
	return ctx.db
		.selectFrom('person')
		.select(['id', 'prenom'])
		.where('prenom', '=', 'Pascal')
		.executeTakeFirstOrThrow();
}

const ficheForNewChild = (parentId: number) => ({
	...ficheSteps(parentId),
	enfant: {
		enfant: null,
		nouvelEnfant: {
			sexe: 'fille',
			nomNaissance: 'Dupin',
			prenom: 'Léa',
			dateNaissance: '2019-04-12',
			paysNaissance: 'France',
			communeNaissance: 'Boulogne-sur-Mer',
			departementNaissance: '62'
		},
		sessions: ['restauration-scolaire'],
		pai: 'non',
		etablissement: 'École publique de Hesdigneul-lès-Boulogne',
		niveau: 'CP'
	}
});

describe('Accepter applies the demande', () => {
	it('adds the fiche’s new child with his school and sessions: the parent can then book the canteen', async () => {
		const { ctx, client } = await dupins();
		const agent = await signInAgent(ctx, new TestClient(ctx.app));
		const parent = await pascalOf(ctx);
		const demande = await sentDemande(ctx, 'fiche-enfant', ficheForNewChild(parent.id), 9001);
		const pullUrl = '/api/sync/pull?from=2026-12-01&to=2026-12-31&schemaVersion=1';
		const before = await (await client.get(pullUrl)).json();

		const applied = await ctx.db
			.transaction()
			.execute((trx) => applyAcceptedDemande(trx, ctx.clock.now(), demande, agent.accountId));
		expect(applied.changes).toEqual([
			'Enfant DUPIN Léa ajouté au foyer',
			'Scolarité : École publique de Hesdigneul-lès-Boulogne, CP',
			'Inscrit à : Restauration scolaire',
			'PAI : non',
			'Situation familiale : Marié(e)',
			'Autorisations : Droit à l’image : non ; Soins d’urgence : oui ; Sortie seul : non ; Sorties scolaires : oui'
		]);
		const lea = await ctx.db
			.selectFrom('person')
			.selectAll()
			.where('prenom', '=', 'Léa')
			.executeTakeFirstOrThrow();
		expect(lea).toMatchObject({ role: 'enfant', sexe: 'F', household_id: demande.householdId });
		const relation = await ctx.db
			.selectFrom('person_relation')
			.select('kind')
			.where('related_person_id', '=', lea.id)
			.executeTakeFirstOrThrow();
		expect(relation.kind).toBe('pere');
		const row = await ctx.db
			.selectFrom('demande')
			.select('person_id')
			.where('id', '=', demande.id)
			.executeTakeFirstOrThrow();
		expect(row.person_id).toBe(lea.id);

		// The agenda, as the family's device pulls it: Léa is there with her session, and bookable.
		const pull = await (await client.get(pullUrl)).json();
		// A new version: the devices' pull cursor moves, so they take the new child.
		expect(pull.version).toBeGreaterThan(before.version);
		expect(pull.persons).toContainEqual(
			expect.objectContaining({ id: lea.id, sessions: ['restauration-scolaire'] })
		);
		expect(await pushOne(client, create(lea.id, 'restauration-midi', '2026-12-03'))).toMatchObject({
			status: 'applied'
		});
	});

	it('enrols a child already in the household in the sessions he did not have, once', async () => {
		const { ctx, timId } = await dupins();
		const agent = await signInAgent(ctx, new TestClient(ctx.app));
		const parent = await pascalOf(ctx);
		const fiche = ficheForNewChild(parent.id);
		const data = {
			...fiche,
			enfant: {
				...fiche.enfant,
				enfant: { personId: timId, label: 'DUPIN Tim' },
				nouvelEnfant: null,
				sessions: ['restauration-scolaire', 'centre-de-loisirs']
			}
		};
		const demande = await sentDemande(ctx, 'fiche-enfant', data, 9002);
		const before = await ctx.db
			.selectFrom('activity_enrolment')
			.select('session')
			.where('person_id', '=', timId)
			.execute();
		const applied = await ctx.db
			.transaction()
			.execute((trx) => applyAcceptedDemande(trx, ctx.clock.now(), demande, agent.accountId));
		const after = await ctx.db
			.selectFrom('activity_enrolment')
			.select('session')
			.where('person_id', '=', timId)
			.execute();
		const added = after.map((a) => a.session).filter((s) => !before.some((b) => b.session === s));
		expect(added).toEqual(['centre-de-loisirs'].filter((s) => !before.some((b) => b.session === s)));
		expect(applied.changes.some((line) => line.startsWith('Enfant'))).toBe(false);
		expect(await ctx.db.selectFrom('person').select('id').where('prenom', '=', 'Léa').execute()).toEqual([]);
	});

	it('refuses a fiche whose child left the household, and leaves nothing half-written', async () => {
		const { ctx } = await dupins();
		const agent = await signInAgent(ctx, new TestClient(ctx.app));
		const parent = await pascalOf(ctx);
		const fiche = ficheForNewChild(parent.id);
		const data = {
			...fiche,
			enfant: { ...fiche.enfant, enfant: { personId: 999_999, label: 'X' }, nouvelEnfant: null }
		};
		const demande = await sentDemande(ctx, 'fiche-enfant', data, 9003);
		await expect(
			ctx.db
				.transaction()
				.execute((trx) => applyAcceptedDemande(trx, ctx.clock.now(), demande, agent.accountId))
		).rejects.toMatchObject({ status: 409, code: 'person_gone' });
	});

	it('books the salle des fêtes’ days, and refuses a second demande for a day already booked', async () => {
		const { ctx } = await dupins();
		const agent = await signInAgent(ctx, new TestClient(ctx.app));
		const first = await sentDemande(ctx, 'salle-des-fetes', {}, 9004);
		const second = await sentDemande(ctx, 'salle-des-fetes', {}, 9005);
		await ctx.db
			.insertInto('hall_day')
			.values([
				{ day: '2027-01-16', demande_id: first.id, state: 'demandee' },
				{ day: '2027-01-16', demande_id: second.id, state: 'demandee' },
				{ day: '2027-01-17', demande_id: second.id, state: 'demandee' }
			])
			.execute();
		const accept = (d: AcceptedDemande) =>
			ctx.db.transaction().execute((trx) => applyAcceptedDemande(trx, ctx.clock.now(), d, agent.accountId));
		expect((await accept(first)).changes).toEqual(['Salle des fêtes réservée : 16/01/2027']);
		await expect(accept(second)).rejects.toMatchObject({
			status: 409,
			code: 'hall_day_taken',
			message: expect.stringContaining('16/01/2027')
		});
		const days = await ctx.db
			.selectFrom('hall_day')
			.select(['day', 'demande_id', 'state'])
			.orderBy('day')
			.execute();
		expect(days.filter((d) => d.state === 'reservee')).toEqual([
			{ day: '2027-01-16', demande_id: first.id, state: 'reservee' }
		]);
	});

	it('refuses a change of address whose replaced address left the profile (409)', async () => {
		const { ctx } = await dupins();
		const agent = await signInAgent(ctx, new TestClient(ctx.app));
		const data = {
			adresse: {
				nouvelleAdresse: {
					name: 'Adresse principale',
					country: 'France',
					city: 'Boulogne-sur-Mer',
					postalCode: '62200',
					streetNumber: '3',
					numberComplement: null,
					street: 'Rue de la Lampe',
					streetComplement: null,
					isDefault: true
				},
				remplace: { addressId: 999_999, label: 'Ancienne' },
				dateEffet: '2026-11-20'
			}
		};
		const demande = await sentDemande(ctx, 'mise-a-jour-adresse', data, 9006);
		await expect(
			ctx.db
				.transaction()
				.execute((trx) => applyAcceptedDemande(trx, ctx.clock.now(), demande, agent.accountId))
		).rejects.toMatchObject({ status: 409, code: 'address_gone' });
	});
});
