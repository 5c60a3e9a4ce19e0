import { describe, expect, it } from 'vitest';
import { bulk, dupins, pushOne, rowCounts, withMartinFamily } from '../support/agenda.ts';
import { signInAgent } from '../support/agents.ts';
import { accept, ficheSteps, personNamed, sentDemande } from '../support/apply.ts';
import { TestClient } from '../support/http-client.ts';
import type { TestCtx } from '../support/test-app.ts';

/** Every table an accepted fiche enfant writes, counted: "nothing written" is all of them unchanged. */
async function written(ctx: TestCtx) {
	const count = async (
		table:
			| 'person'
			| 'person_relation'
			| 'school_enrolment'
			| 'activity_enrolment'
			| 'child_record'
			| 'child_authorisation'
			| 'message'
			| 'household_version'
			| 'household_resource_version'
	) =>
		Number(
			(
				await ctx.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	const versions = await ctx.db.selectFrom('household_version').selectAll().orderBy('household_id').execute();
	const resources = await ctx.db
		.selectFrom('household_resource_version')
		.selectAll()
		.orderBy('household_id')
		.execute();
	return {
		persons: await count('person'),
		relations: await count('person_relation'),
		schools: await count('school_enrolment'),
		enrolments: await count('activity_enrolment'),
		records: await count('child_record'),
		authorisations: await count('child_authorisation'),
		messages: await count('message'),
		versions,
		resources,
		agenda: await rowCounts(ctx)
	};
}

describe('Accepter is all or nothing', () => {
	it('a fiche that fails at its last step (a conjoint of another household) leaves no child, link, school or enrolment', async () => {
		const { ctx } = await dupins();
		const agent = await signInAgent(ctx, new TestClient(ctx.app));
		const pascal = await personNamed(ctx, 'Pascal');
		const martin = await withMartinFamily(ctx);
		const claire = await ctx.db
			.selectFrom('person')
			.select('id')
			.where('household_id', '=', martin.householdId)
			.where('role', '=', 'titulaire')
			.executeTakeFirstOrThrow();
		const fiche = {
			...ficheSteps(pascal.id),
			conjoint: {
				ajouter: 'oui',
				personId: claire.id,
				civilite: 'Madame',
				nomNaissance: 'Martin',
				nomUsage: null,
				prenom: 'Claire',
				dateNaissance: null,
				telephonePortable: null,
				telephoneFixe: null,
				email: null,
				memeAdresse: 'oui',
				adresse: null
			},
			enfant: {
				enfant: null,
				nouvelEnfant: {
					sexe: 'fille',
					nomNaissance: 'Dupin',
					prenom: 'Zoé',
					dateNaissance: '2020-01-05',
					paysNaissance: 'France',
					communeNaissance: 'Boulogne-sur-Mer',
					departementNaissance: '62'
				},
				sessions: ['restauration-scolaire'],
				pai: 'non',
				etablissement: 'École publique de Hesdigneul-lès-Boulogne',
				niveau: 'GS'
			}
		};
		const demande = await sentDemande(ctx, 'fiche-enfant', fiche, 9401);
		const before = await written(ctx);

		await expect(accept(ctx, demande, agent.accountId)).rejects.toMatchObject({
			status: 409,
			code: 'person_gone'
		});

		expect(await written(ctx)).toEqual(before);
		expect(await ctx.db.selectFrom('person').select('id').where('prenom', '=', 'Zoé').execute()).toEqual([]);
		const row = await ctx.db
			.selectFrom('demande')
			.select('person_id')
			.where('id', '=', demande.id)
			.executeTakeFirstOrThrow();
		expect(row.person_id).toBeNull();
	});

	it('a later fiche that fails after cancelling bookings gives them all back: bookings, ledger, history, message', async () => {
		const { ctx, client, timId } = await dupins();
		const agent = await signInAgent(ctx, new TestClient(ctx.app));
		const pascal = await personNamed(ctx, 'Pascal');
		await pushOne(
			client,
			bulk({
				personIds: [timId],
				action: 'creer',
				from: '2026-12-01',
				to: '2026-12-18',
				activityCodes: ['restauration-midi'],
				periodicity: 'aucune',
				weekdays: []
			})
		);
		const martin = await withMartinFamily(ctx);
		const fiche = {
			...ficheSteps(pascal.id),
			conjoint: {
				ajouter: 'oui',
				personId: martin.leaId,
				civilite: 'Madame',
				nomNaissance: 'X',
				nomUsage: null,
				prenom: 'Y',
				dateNaissance: null,
				telephonePortable: null,
				telephoneFixe: null,
				email: null,
				memeAdresse: 'oui',
				adresse: null
			},
			enfant: {
				enfant: { personId: timId, label: 'DUPIN Tim' },
				nouvelEnfant: null,
				sessions: ['garderie'],
				pai: 'non',
				etablissement: null,
				niveau: null
			}
		};
		const demande = await sentDemande(ctx, 'fiche-enfant', fiche, 9402);
		const before = await written(ctx);
		expect(before.agenda.reservations).toBeGreaterThan(0);

		await expect(accept(ctx, demande, agent.accountId)).rejects.toMatchObject({
			status: 409,
			code: 'person_gone'
		});

		expect(await written(ctx)).toEqual(before);
	});
});
