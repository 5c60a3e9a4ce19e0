import { randomUUID } from 'node:crypto';
import {
	applyAcceptedDemande,
	type AcceptedDemande
} from '../../../server/backoffice/demandes/apply-accepted.ts';
import type { FormCode } from '../../../src/lib/domain/requests/form-codes.ts';
import type { TestCtx } from './test-app.ts';

/** A sent demande of the DUPIN household, as the family's submission stores it. */
export async function sentDemande(
	ctx: TestCtx,
	formCode: FormCode,
	data: unknown,
	number: number
): Promise<AcceptedDemande> {
	const pascal = await ctx.db
		.selectFrom('account')
		.select(['id', 'household_id', 'person_id'])
		.where('username', '=', 'pascal.dupin')
		.executeTakeFirstOrThrow();
	const at = ctx.clock.now().toISOString();
	const row = await ctx.db
		.insertInto('demande')
		.values({
			client_id: randomUUID(),
			number,
			household_id: pascal.household_id,
			form_code: formCode,
			status: 'en-cours',
			person_id: null,
			person_label: null,
			data_json: JSON.stringify(data),
			step: 0,
			revision: 1,
			writer_id: 'test',
			writer_base: 0,
			created_at: at,
			created_by: pascal.id,
			updated_at: at,
			submitted_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return {
		id: row.id,
		number,
		householdId: pascal.household_id,
		formCode,
		personId: null,
		personLabel: null,
		data
	};
}

/** Accepting as the Accepter action does: in one transaction of its own. */
export const accept = (ctx: TestCtx, demande: AcceptedDemande, agentAccountId: number) =>
	ctx.db.transaction().execute((trx) => applyAcceptedDemande(trx, ctx.clock.now(), demande, agentAccountId));

export async function personNamed(ctx: TestCtx, prenom: string) {
	return ctx.db
		.selectFrom('person')
		.select(['id', 'household_id'])
		.where('prenom', '=', prenom)
		.executeTakeFirstOrThrow();
}

/** The steps of a fiche enfant besides the child's, as its submit schema outputs them. */
export const ficheSteps = (parentId: number) => ({
	responsable: {
		responsable: { personId: parentId, label: 'DUPIN Pascal' },
		autreSituation: 'non',
		autreSituationPrecision: null,
		situationFamiliale: 'marie',
		adresse: { addressId: 1, label: 'Adresse principale' },
		nouvelleAdresse: null
	},
	conjoint: { ajouter: 'non' },
	autorisations: { droitImage: 'non', soinsUrgence: 'oui', sortieSeul: 'non', sortiesScolaires: 'oui' },
	'autres-personnes': { personnes: [] }
});

/** A fiche enfant for a child already in the household, with his sessions from now on. */
export const ficheForChild = (
	parentId: number,
	child: { personId: number; label: string },
	sessions: string[]
) => ({
	...ficheSteps(parentId),
	enfant: {
		enfant: child,
		nouvelEnfant: null,
		sessions,
		pai: 'non',
		etablissement: 'École publique de Hesdigneul-lès-Boulogne',
		niveau: 'CE1'
	}
});
