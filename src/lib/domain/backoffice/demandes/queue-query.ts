import { z } from 'zod';
import { FORM_CODES, type FormCode } from '../../requests/form-codes.ts';
import { DEMANDE_STATUSES, type DemandeStatusCode } from '../../requests/status.ts';

/** A page of the agents' queue: 50 demandes at most, and the total of those that match. */
export const QUEUE_PAGE_SIZE = 50;
export const MAX_SEARCH_LENGTH = 100;
/** The queue never shows drafts: a brouillon is the family's until it is sent. */
export const QUEUE_STATUSES = DEMANDE_STATUSES.filter((s) => s !== 'brouillon') as Exclude<
	DemandeStatusCode,
	'brouillon'
>[];

export const QUEUE_SORTS = ['numero', 'date', 'type', 'statut', 'famille', 'agent'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Date invalide (jj/mm/aaaa).')
	.optional();
const id = z
	.string()
	.regex(/^[1-9][0-9]{0,9}$/, 'Identifiant invalide.')
	.transform(Number);
const flag = z
	.enum(['1', 'true'])
	.optional()
	.transform((v) => v !== undefined);

/** The queue's filters as the URL carries them (every one optional, every one bounded). */
export const queueQuery = z.object({
	type: z.enum(FORM_CODES, { error: 'Type de demande inconnu.' }).optional(),
	statut: z.enum(QUEUE_STATUSES as [string, ...string[]], { error: 'Statut inconnu.' }).optional(),
	du: day,
	au: day,
	famille: id.optional(),
	agent: z.union([z.enum(['moi', 'personne']), id], { error: 'Agent inconnu.' }).optional(),
	complements: flag,
	nonLus: flag,
	q: z
		.string()
		.max(MAX_SEARCH_LENGTH, `La recherche tient en ${MAX_SEARCH_LENGTH} caractères.`)
		// "n° 7", as the queue writes a number, finds n° 7.
		.transform((q) => q.replace(/^\s*n\s*°\s*(?=\d)/i, ''))
		.optional(),
	tri: z.enum(QUEUE_SORTS).default('date'),
	ordre: z.enum(['asc', 'desc']).default('desc'),
	page: z
		.string()
		.regex(/^[1-9][0-9]{0,5}$/, 'Page invalide.')
		.transform(Number)
		.default(1)
});
export type QueueQuery = z.output<typeof queueQuery>;

/** One line of the queue, as the API sends it. */
export type QueueRow = {
	id: number;
	number: number;
	formCode: FormCode;
	status: DemandeStatusCode;
	submittedAt: string | null;
	personLabel: string | null;
	householdId: number;
	famille: string;
	email: string | null;
	agent: string | null;
	assignedAccountId: number | null;
	unread: number;
};

export type QueuePage = { rows: QueueRow[]; total: number; page: number; pageSize: number };

/** The filters alone (no order, no page): the queue's WHERE, shared with the CSV export. */
export type QueryFilters = Omit<QueueQuery, 'tri' | 'ordre' | 'page'>;
