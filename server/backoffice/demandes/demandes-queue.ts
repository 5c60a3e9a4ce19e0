import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import {
	QUEUE_PAGE_SIZE,
	type QueryFilters,
	type QueuePage,
	type QueueQuery,
	type QueueRow,
	type QueueSort
} from '../../../src/lib/domain/backoffice/demandes/queue-query.ts';
import type { FormCode } from '../../../src/lib/domain/requests/form-codes.ts';
import { foldForSearch } from '../../../src/lib/domain/text/normalize.ts';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

type Eb = ExpressionBuilder<Database, 'demande'>;

/** "DUPIN Pascal": the family's name, its titulaire's (the first adult when none is). */
const familleName = (eb: Eb) =>
	eb
		.selectFrom('person as p')
		.select(sql<string>`upper(coalesce(p.nom_usage, p.nom_naissance)) || ' ' || p.prenom`.as('n'))
		.whereRef('p.household_id', '=', 'demande.household_id')
		.where('p.role', '<>', 'enfant')
		.orderBy(sql`p.role <> 'titulaire'`)
		.orderBy('p.id')
		.limit(1);

const familleEmail = (eb: Eb) =>
	eb
		.selectFrom('account as a')
		.select('a.email')
		.whereRef('a.household_id', '=', 'demande.household_id')
		.where('a.role', '=', 'citizen')
		.orderBy('a.id')
		.limit(1);

const agentName = (eb: Eb) =>
	eb
		.selectFrom('account as g')
		.innerJoin('person as gp', 'gp.id', 'g.person_id')
		.select(sql<string>`upper(coalesce(gp.nom_usage, gp.nom_naissance)) || ' ' || gp.prenom`.as('n'))
		.whereRef('g.id', '=', 'demande.assigned_account_id');

/** The family's messages on this demande no agent has opened yet. */
const unreadCount = (eb: Eb) =>
	eb
		.selectFrom('message as m')
		.innerJoin('message_thread as t', 't.id', 'm.thread_id')
		.select((e) => e.fn.countAll<number>().as('n'))
		.whereRef('t.demande_id', '=', 'demande.id')
		.where('m.author', '=', 'famille')
		.where('m.read_at', 'is', null);

const SORTS: Record<QueueSort, (eb: Eb) => unknown> = {
	numero: (eb) => eb.ref('demande.number'),
	date: (eb) => eb.ref('demande.submitted_at'),
	type: (eb) => eb.ref('demande.form_code'),
	statut: (eb) => eb.ref('demande.status'),
	famille: familleName,
	agent: agentName
};

/** LIKE's own characters taken literally in what the agent typed. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The queue's WHERE: never a draft, then each filter given. */
export function filtered<O>(
	query: SelectQueryBuilder<Database, 'demande', O>,
	filters: QueryFilters,
	agentAccountId: number
): SelectQueryBuilder<Database, 'demande', O> {
	let q = query.where('demande.status', '<>', 'brouillon');
	if (filters.type) q = q.where('demande.form_code', '=', filters.type);
	if (filters.statut) q = q.where('demande.status', '=', filters.statut as QueueRow['status']);
	if (filters.du) q = q.where('demande.submitted_at', '>=', filters.du);
	if (filters.au) q = q.where('demande.submitted_at', '<=', `${filters.au}T23:59:59.999Z`);
	if (filters.famille) q = q.where('demande.household_id', '=', filters.famille);
	if (filters.agent === 'moi') q = q.where('demande.assigned_account_id', '=', agentAccountId);
	else if (filters.agent === 'personne') q = q.where('demande.assigned_account_id', 'is', null);
	else if (typeof filters.agent === 'number') q = q.where('demande.assigned_account_id', '=', filters.agent);
	if (filters.complements)
		q = q
			.where('demande.status', '=', 'envoyee')
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('demande_history as h')
						.select('h.id')
						.whereRef('h.demande_id', '=', 'demande.id')
						.where('h.from_status', '=', 'complement')
						.where('h.to_status', '=', 'envoyee')
				)
			);
	if (filters.nonLus) q = q.where((eb) => eb.exists(unreadCount(eb).clearSelect().select('m.id')));
	const words = filters.q ? foldForSearch(filters.q) : '';
	if (words)
		for (const word of words.split(' ').slice(0, 10))
			q = q.where(sql<boolean>`demande.search_text LIKE ${`%${likeEscaped(word)}%`} ESCAPE '\\'`);
	return q;
}

function columns(db: Db) {
	return db
		.selectFrom('demande')
		.select((eb) => [
			'demande.id',
			'demande.number',
			'demande.form_code',
			'demande.status',
			'demande.submitted_at',
			'demande.person_label',
			'demande.household_id',
			'demande.assigned_account_id',
			familleName(eb).as('famille'),
			familleEmail(eb).as('email'),
			agentName(eb).as('agent'),
			unreadCount(eb).as('unread')
		]);
}

type Selected = Awaited<ReturnType<ReturnType<typeof columns>['execute']>>[number];

const rowOf = (r: Selected): QueueRow => ({
	id: r.id,
	number: r.number,
	formCode: r.form_code as FormCode,
	status: r.status,
	submittedAt: r.submitted_at,
	personLabel: r.person_label,
	householdId: r.household_id,
	famille: r.famille ?? '',
	email: r.email ?? null,
	agent: r.agent ?? null,
	assignedAccountId: r.assigned_account_id,
	unread: Number(r.unread ?? 0)
});

/** Rows of the queue in its order, `limit` from `offset` (the page, or a chunk of the export). */
export async function queueRows(
	db: Db,
	filters: QueryFilters & Pick<QueueQuery, 'tri' | 'ordre'>,
	agentAccountId: number,
	offset: number,
	limit: number
): Promise<QueueRow[]> {
	const sort = SORTS[filters.tri];
	const rows = await filtered(columns(db), filters, agentAccountId)
		.orderBy((eb) => sql`${sort(eb)}`, filters.ordre)
		.orderBy('demande.id', filters.ordre)
		.limit(limit)
		.offset(offset)
		.execute();
	return rows.map(rowOf);
}

export async function queueTotal(db: Db, filters: QueryFilters, agentAccountId: number): Promise<number> {
	const row = await filtered(
		db.selectFrom('demande').select((eb) => eb.fn.countAll<number>().as('n')),
		filters,
		agentAccountId
	).executeTakeFirstOrThrow();
	return Number(row.n);
}

/** GET /api/admin/demandes: one page of 50 and the total matching the filters. */
export async function queuePage(db: Db, query: QueueQuery, agentAccountId: number): Promise<QueuePage> {
	const offset = (query.page - 1) * QUEUE_PAGE_SIZE;
	return {
		rows: await queueRows(db, query, agentAccountId, offset, QUEUE_PAGE_SIZE),
		total: await queueTotal(db, query, agentAccountId),
		page: query.page,
		pageSize: QUEUE_PAGE_SIZE
	};
}
