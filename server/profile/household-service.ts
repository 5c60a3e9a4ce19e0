import type { Identity } from '../../src/lib/domain/accounts/identity.ts';
import type { AccountRole } from '../../src/lib/domain/accounts/roles.ts';
import type { Db } from '../db/database.ts';

export type NewAccount = { username: string; email: string; passwordHash: string; role: AccountRole };

/**
 * A new household (foyer) whose titulaire is the person of `identity`, with the account that signs
 * in as them. The caller owns the transaction.
 */
export async function createHouseholdWithTitulaire(
	trx: Db,
	identity: Omit<Identity, 'email'>,
	account: NewAccount,
	now: string
): Promise<{ accountId: number; householdId: number; personId: number }> {
	const household = await trx
		.insertInto('household')
		.values({ created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	const person = await trx
		.insertInto('person')
		.values({
			household_id: household.id,
			role: 'titulaire',
			civilite: identity.civilite,
			sexe: identity.civilite === 'Madame' ? 'F' : 'M',
			nom_naissance: identity.nomNaissance.toUpperCase(),
			nom_usage: null,
			prenom: identity.prenom,
			prenom2: identity.prenom2 ?? null,
			prenom3: identity.prenom3 ?? null,
			date_naissance: identity.dateNaissance,
			pays_naissance: identity.paysNaissance,
			commune_naissance: identity.communeNaissance.toUpperCase(),
			departement_naissance: identity.departementNaissance?.toUpperCase() ?? null,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const created = await trx
		.insertInto('account')
		.values({
			username: account.username,
			email: account.email,
			password_hash: account.passwordHash,
			person_id: person.id,
			household_id: household.id,
			role: account.role,
			created_at: now,
			password_changed_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { accountId: created.id, householdId: household.id, personId: person.id };
}

export type NewChild = {
	sexe: 'M' | 'F';
	nomNaissance: string;
	prenom: string;
	dateNaissance: string;
	paysNaissance: string;
	communeNaissance: string;
	departementNaissance: string | null;
	school?: { school: string; level: string };
	sessions?: string[];
};

/** A child of the household, with its parent link, school and the sessions it is enrolled in. */
export async function addChild(
	trx: Db,
	householdId: number,
	parent: { personId: number; relation: 'pere' | 'mere' | 'responsable-legal' },
	child: NewChild,
	now: string
): Promise<number> {
	const row = await trx
		.insertInto('person')
		.values({
			household_id: householdId,
			role: 'enfant',
			civilite: null,
			sexe: child.sexe,
			nom_naissance: child.nomNaissance.toUpperCase(),
			nom_usage: null,
			prenom: child.prenom,
			prenom2: null,
			prenom3: null,
			date_naissance: child.dateNaissance,
			pays_naissance: child.paysNaissance,
			commune_naissance: child.communeNaissance.toUpperCase(),
			departement_naissance: child.departementNaissance,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('person_relation')
		.values({
			household_id: householdId,
			person_id: parent.personId,
			related_person_id: row.id,
			kind: parent.relation
		})
		.execute();
	if (child.school) {
		await trx
			.insertInto('school_enrolment')
			.values({ person_id: row.id, ...child.school })
			.execute();
	}
	for (const session of child.sessions ?? []) {
		await trx
			.insertInto('activity_enrolment')
			.values({ person_id: row.id, session, created_at: now })
			.execute();
	}
	return row.id;
}

/** An adult joining the household (a conjoint, a parent named by a filiation or a fiche enfant). */
export type NewAdult = {
	civilite: 'Monsieur' | 'Madame';
	nomNaissance: string;
	nomUsage: string | null;
	prenom: string;
	/** Not always known by the one who writes him in: the profile then shows no date. */
	dateNaissance: string | null;
};

/**
 * An adult of the household (role 'adulte'), in the caller's transaction. The forms that add one
 * do not ask where he was born: those columns stay empty ('') rather than invented.
 */
export async function addAdult(trx: Db, householdId: number, adult: NewAdult, now: string): Promise<number> {
	const row = await trx
		.insertInto('person')
		.values({
			household_id: householdId,
			role: 'adulte',
			civilite: adult.civilite,
			sexe: adult.civilite === 'Madame' ? 'F' : 'M',
			nom_naissance: adult.nomNaissance.toUpperCase(),
			nom_usage: adult.nomUsage?.toUpperCase() ?? null,
			prenom: adult.prenom,
			prenom2: null,
			prenom3: null,
			date_naissance: adult.dateNaissance ?? '',
			pays_naissance: '',
			commune_naissance: '',
			departement_naissance: null,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/**
 * "`personId` is the `kind` of `relatedId`" (pere, mere, responsable-legal, conjoint), once: a link
 * already there of that kind is kept. Returns whether it was added.
 */
export async function linkPersons(
	trx: Db,
	householdId: number,
	link: { personId: number; relatedId: number; kind: string }
): Promise<boolean> {
	const existing = await trx
		.selectFrom('person_relation')
		.select('id')
		.where('household_id', '=', householdId)
		.where('person_id', '=', link.personId)
		.where('related_person_id', '=', link.relatedId)
		.where('kind', '=', link.kind)
		.executeTakeFirst();
	if (existing) return false;
	await trx
		.insertInto('person_relation')
		.values({
			household_id: householdId,
			person_id: link.personId,
			related_person_id: link.relatedId,
			kind: link.kind
		})
		.execute();
	return true;
}
