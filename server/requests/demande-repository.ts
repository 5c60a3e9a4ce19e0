import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DemandeStatusCode } from '../../src/lib/domain/requests/status.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

/** The demandes' own queries, each one statement in the caller's transaction. */

export type DemandeRow = Selectable<Database['demande']>;

/** The demande of that UUID, whichever household's: the caller tells "mine" from "unknown". */
export function findDemande(db: Db, clientId: string): Promise<DemandeRow | undefined> {
	return db.selectFrom('demande').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

/** The town's next number, taken in the same statement that raises it: never given twice. */
export async function takeNumber(trx: Db): Promise<number> {
	const row = await trx
		.insertInto('town_counter')
		.values({ name: 'demande', value: 1 })
		.onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('town_counter.value', '+', 1) })))
		.returning('value')
		.executeTakeFirstOrThrow();
	return row.value;
}

export async function countDrafts(db: Db, householdId: number): Promise<number> {
	const row = await db
		.selectFrom('demande')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('household_id', '=', householdId)
		.where('status', '=', 'brouillon')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

const OPEN: DemandeStatusCode[] = ['envoyee', 'en-cours', 'complement'];

/** Sent demandes waiting for the town, the one being sent excepted. */
export async function countOpen(db: Db, householdId: number, except: number | null): Promise<number> {
	let query = db
		.selectFrom('demande')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('household_id', '=', householdId)
		.where('status', 'in', OPEN);
	if (except !== null) query = query.where('id', '<>', except);
	return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Of those, the ones asking for days of the salle des fêtes the town has not decided yet. */
export async function countOpenHallRequests(
	db: Db,
	householdId: number,
	except: number | null
): Promise<number> {
	let query = db
		.selectFrom('demande')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('household_id', '=', householdId)
		.where('status', 'in', OPEN)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('hall_day')
					.select('hall_day.day')
					.whereRef('hall_day.demande_id', '=', 'demande.id')
					.where('hall_day.state', '=', 'demandee')
			)
		);
	if (except !== null) query = query.where('id', '<>', except);
	return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function insertDemande(
	trx: Db,
	values: Omit<Insertable<Database['demande']>, 'id'>
): Promise<DemandeRow> {
	return trx.insertInto('demande').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateDemande(
	trx: Db,
	id: number,
	values: Updateable<Database['demande']>
): Promise<DemandeRow> {
	return trx.updateTable('demande').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function addHistory(
	trx: Db,
	line: {
		demandeId: number;
		at: string;
		accountId: number;
		author: string;
		from: DemandeStatusCode | null;
		to: DemandeStatusCode;
	}
): Promise<void> {
	await trx
		.insertInto('demande_history')
		.values({
			demande_id: line.demandeId,
			at: line.at,
			account_id: line.accountId,
			author: line.author,
			from_status: line.from,
			to_status: line.to,
			comment: null
		})
		.execute();
}

/** Its history, needs and hall days go with it (ON DELETE CASCADE); its number is never reused. */
export async function deleteDemande(trx: Db, id: number): Promise<void> {
	await trx.deleteFrom('demande').where('id', '=', id).execute();
}
