import {
	addressNameTaken,
	MAX_ADDRESSES,
	sameAddressName,
	TOO_MANY_ADDRESSES,
	type Address
} from '../../src/lib/domain/profile/address.ts';
import { PHONE_KINDS, type Phones } from '../../src/lib/domain/profile/contact.ts';
import { displayName, familyName } from '../../src/lib/domain/profile/person-name.ts';
import type { Profile } from '../../src/lib/domain/profile/profile.ts';
import type { Social } from '../../src/lib/domain/profile/social.ts';
import type { Db } from '../db/database.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { AppError } from '../http/errors.ts';
import { namesOf } from './person-row.ts';

/** Everything "Mon profil" shows, read for the signed-in account's household only. */
export async function readProfile(db: Db, account: CurrentAccount): Promise<Profile> {
	const persons = await db
		.selectFrom('person')
		.selectAll()
		.where('household_id', '=', account.householdId)
		.orderBy('date_naissance')
		.execute();
	const me = persons.find((p) => p.id === account.personId);
	if (!me) throw new AppError(404, 'not_found', 'Profil introuvable.');
	const [phones, addresses, social, schooling, enrolments, relations, pending] = await Promise.all([
		db.selectFrom('phone').selectAll().where('person_id', '=', me.id).execute(),
		db
			.selectFrom('address')
			.selectAll()
			.where('household_id', '=', account.householdId)
			.orderBy('id')
			.execute(),
		db
			.selectFrom('household_social')
			.selectAll()
			.where('household_id', '=', account.householdId)
			.executeTakeFirst(),
		db
			.selectFrom('school_enrolment')
			.selectAll()
			.where(
				'person_id',
				'in',
				persons.map((p) => p.id)
			)
			.execute(),
		db
			.selectFrom('activity_enrolment')
			.selectAll()
			.where(
				'person_id',
				'in',
				persons.map((p) => p.id)
			)
			.orderBy('session')
			.execute(),
		db
			.selectFrom('person_relation')
			.selectAll()
			.where('household_id', '=', account.householdId)
			.orderBy('id')
			.execute(),
		db
			.selectFrom('account_token')
			.select('new_email')
			.where('account_id', '=', account.id)
			.where('purpose', '=', 'email-change')
			.orderBy('created_at', 'desc')
			.executeTakeFirst()
	]);
	const byId = new Map(persons.map((p) => [p.id, p]));
	const member = (p: (typeof persons)[number]) => ({
		id: p.id,
		nom: familyName(namesOf(p)),
		prenom: p.prenom,
		dateNaissance: p.date_naissance,
		titulaire: p.role === 'titulaire'
	});
	const allocataire = social?.allocataire_person_id ? byId.get(social.allocataire_person_id) : me;
	return {
		identifiant: account.username,
		civil: {
			civilite: me.civilite,
			nomNaissance: me.nom_naissance,
			nomUsage: me.nom_usage,
			prenom: me.prenom,
			prenom2: me.prenom2,
			prenom3: me.prenom3,
			dateNaissance: me.date_naissance,
			paysNaissance: me.pays_naissance,
			communeNaissance: me.commune_naissance,
			departementNaissance: me.departement_naissance
		},
		social: {
			regime: social?.regime ?? null,
			revenuFiscalReferenceCents: social?.revenu_fiscal_reference_cents ?? null,
			enfantsACharge: social?.enfants_a_charge ?? null,
			allocataire: displayName(namesOf(allocataire ?? me)),
			numeroAllocataire: social?.numero_allocataire ?? null,
			quotient: social?.quotient ?? null,
			ressourcesMensuellesCents: social?.ressources_mensuelles_cents ?? null,
			compositionFamiliale: social?.composition_familiale ?? null,
			quotientFamilial: social?.quotient_familial ?? null
		},
		phones: Object.fromEntries(
			PHONE_KINDS.map((kind) => [kind, phones.find((p) => p.kind === kind)?.number ?? null])
		) as Profile['phones'],
		email: account.email,
		pendingEmail: pending?.new_email ?? null,
		addresses: addresses.map((a) => ({
			id: a.id,
			name: a.name,
			country: a.country,
			city: a.city,
			postalCode: a.postal_code,
			streetNumber: a.street_number,
			numberComplement: a.number_complement,
			street: a.street,
			streetComplement: a.street_complement,
			isDefault: a.is_default === 1
		})),
		household: {
			children: persons.filter((p) => p.role === 'enfant').map(member),
			adults: persons.filter((p) => p.role !== 'enfant').map(member)
		},
		schooledChildren: schooling.flatMap((s) => {
			const child = byId.get(s.person_id);
			if (!child) return [];
			return [
				{
					...member(child),
					school: s.school,
					level: s.level,
					sessions: enrolments.filter((e) => e.person_id === child.id).map((e) => e.session)
				}
			];
		}),
		relations: relations.flatMap((r) => {
			const person = byId.get(r.person_id);
			const related = byId.get(r.related_person_id);
			return person && related
				? [{ person: displayName(namesOf(person)), kind: r.kind, related: displayName(namesOf(related)) }]
				: [];
		})
	};
}

export async function savePhones(db: Db, account: CurrentAccount, phones: Phones): Promise<void> {
	await db.transaction().execute(async (trx) => {
		for (const kind of PHONE_KINDS) {
			const number = phones[kind];
			if (number) {
				await trx
					.insertInto('phone')
					.values({ person_id: account.personId, kind, number })
					.onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet({ number }))
					.execute();
			} else {
				await trx
					.deleteFrom('phone')
					.where('person_id', '=', account.personId)
					.where('kind', '=', kind)
					.execute();
			}
		}
	});
}

const notFound = () => new AppError(404, 'not_found', 'Adresse introuvable.');

function addressRow(address: Address, now: string) {
	return {
		name: address.name,
		country: address.country,
		city: address.city,
		postal_code: address.postalCode,
		street_number: address.streetNumber,
		number_complement: address.numberComplement,
		street: address.street,
		street_complement: address.streetComplement,
		updated_at: now
	};
}

/**
 * Exactly one default address per household while it has any: the first one added, or the one the
 * citizen chose. Runs inside the caller's transaction.
 */
async function keepOneDefault(trx: Db, householdId: number, chosen: number | null): Promise<void> {
	const rows = await trx
		.selectFrom('address')
		.select(['id', 'is_default'])
		.where('household_id', '=', householdId)
		.orderBy('id')
		.execute();
	const keep = chosen ?? rows.find((r) => r.is_default === 1)?.id ?? rows[0]?.id;
	if (keep === undefined) return;
	await trx
		.updateTable('address')
		.set({ is_default: 0 })
		.where('household_id', '=', householdId)
		.where('id', '!=', keep)
		.execute();
	await trx.updateTable('address').set({ is_default: 1 }).where('id', '=', keep).execute();
}

/**
 * Refuses a name another address of the household already has (`id`: the one being changed, which
 * may keep its own). A household has at most MAX_ADDRESSES, so reading their names is cheap.
 */
async function refuseTakenName(trx: Db, householdId: number, name: string, id: number | null) {
	const others = await trx
		.selectFrom('address')
		.select(['id', 'name'])
		.where('household_id', '=', householdId)
		.execute();
	const taken = others.find((a) => a.id !== id && sameAddressName(a.name, name));
	if (taken) {
		const message = addressNameTaken(taken.name);
		throw new AppError(409, 'address_name_taken', message, { name: message });
	}
}

/**
 * Adds an address to the household, within the caller's transaction: the profile's route and an
 * accepted "Mise à jour des données d'adresse" both write through it (same rules, same refusals).
 */
export async function insertAddress(
	trx: Db,
	householdId: number,
	address: Address,
	now: string
): Promise<number> {
	const { n } = await trx
		.selectFrom('address')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('household_id', '=', householdId)
		.executeTakeFirstOrThrow();
	if (Number(n) >= MAX_ADDRESSES) throw new AppError(409, 'too_many_addresses', TOO_MANY_ADDRESSES);
	await refuseTakenName(trx, householdId, address.name, null);
	const row = await trx
		.insertInto('address')
		.values({ household_id: householdId, is_default: 0, ...addressRow(address, now) })
		.returning('id')
		.executeTakeFirstOrThrow();
	await keepOneDefault(trx, householdId, address.isDefault ? row.id : null);
	return row.id;
}

export async function addAddress(
	db: Db,
	account: CurrentAccount,
	address: Address,
	now: string
): Promise<number> {
	return db.transaction().execute((trx) => insertAddress(trx, account.householdId, address, now));
}

/**
 * Rewrites one of the household's addresses, within the caller's transaction (the profile's route,
 * an accepted change of address that replaces one). Another household's address: 404.
 */
export async function replaceAddress(
	trx: Db,
	householdId: number,
	id: number,
	address: Address,
	now: string
): Promise<void> {
	const result = await trx
		.updateTable('address')
		.set(addressRow(address, now))
		.where('id', '=', id)
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) throw notFound();
	// After the update, so that another household's address is not found (404) before anything.
	await refuseTakenName(trx, householdId, address.name, id);
	await keepOneDefault(trx, householdId, address.isDefault ? id : null);
}

export async function updateAddress(
	db: Db,
	account: CurrentAccount,
	id: number,
	address: Address,
	now: string
): Promise<void> {
	await db.transaction().execute((trx) => replaceAddress(trx, account.householdId, id, address, now));
}

export async function deleteAddress(db: Db, account: CurrentAccount, id: number): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const result = await trx
			.deleteFrom('address')
			.where('id', '=', id)
			.where('household_id', '=', account.householdId)
			.executeTakeFirst();
		if (Number(result.numDeletedRows) !== 1) throw notFound();
		await keepOneDefault(trx, account.householdId, null);
	});
}

export async function saveSocial(
	db: Db,
	account: CurrentAccount,
	social: Social,
	now: string
): Promise<void> {
	const values = {
		regime: social.regime,
		revenu_fiscal_reference_cents: social.revenuFiscalReference,
		enfants_a_charge: social.enfantsACharge,
		numero_allocataire: social.numeroAllocataire,
		quotient: social.quotient,
		ressources_mensuelles_cents: social.ressourcesMensuelles,
		composition_familiale: social.compositionFamiliale,
		quotient_familial: social.quotientFamilial,
		updated_at: now
	};
	await db
		.insertInto('household_social')
		.values({ household_id: account.householdId, allocataire_person_id: account.personId, ...values })
		.onConflict((oc) => oc.column('household_id').doUpdateSet(values))
		.execute();
}
