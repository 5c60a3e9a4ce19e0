import { z } from 'zod';
import { SESSION_GROUPS } from '../../agenda/rules.ts';
import { typedText } from '../../text/typed-text.ts';
import { foldForSearch } from '../../text/normalize.ts';

/** A search string is short: what an agent types in the box (the house's bound). */
export const MAX_FAMILLES_QUERY = 100;
export const FAMILLES_PAGE_SIZE = 50;
export const MAX_MESSAGE_SUBJECT = 200;
export const MAX_MESSAGE_BODY = 5000;

export const famillesQuerySchema = z.object({
	q: z
		.string()
		.trim()
		.max(MAX_FAMILLES_QUERY, { message: `La recherche ne peut dépasser ${MAX_FAMILLES_QUERY} caractères.` })
		.default(''),
	page: z.coerce.number().int().min(1).max(1000).default(1)
});

export const familleIdSchema = z.object({
	id: z.coerce
		.number()
		.int()
		.positive()
		.max(2 ** 31)
});

const SESSION_CODES = Object.keys(SESSION_GROUPS) as [string, ...string[]];

/** "Modifier les inscriptions": the child's sessions from now on (each at most once). */
export const enrolmentEditSchema = z.object({
	sessions: z
		.array(z.enum(SESSION_CODES, { message: 'Activité inconnue.' }))
		.max(SESSION_CODES.length, { message: 'Activité inconnue.' })
		.refine((s) => new Set(s).size === s.length, { message: 'Une activité est cochée deux fois.' })
});
export type EnrolmentEditInput = z.infer<typeof enrolmentEditSchema>;

export const familleMessageSchema = z.object({
	sujet: typedText(
		MAX_MESSAGE_SUBJECT,
		{
			required: 'Indiquez le sujet du message.',
			tooLong: `Le sujet ne peut dépasser ${MAX_MESSAGE_SUBJECT} caractères.`
		},
		{ lines: false }
	),
	message: typedText(MAX_MESSAGE_BODY, {
		required: 'Écrivez le message.',
		tooLong: `Le message ne peut dépasser ${MAX_MESSAGE_BODY} caractères.`
	}),
	demandeId: z
		.number()
		.int()
		.positive()
		.max(2 ** 31)
		.nullable()
		.optional()
});
export type FamilleMessageInput = z.infer<typeof familleMessageSchema>;

/**
 * The SQL LIKE pattern that finds every candidate of a folded search: each letter that French
 * writes with an accent (and any other sign) becomes "_" (one character), so "dupin" finds "Dùpin"
 * in SQLite, whose LIKE only ignores ASCII case; the candidates are then folded and checked.
 */
export function likePatternOf(folded: string): string {
	const kept = [...folded].map((ch) => (/[bdfghjklmpqrstvwxz0-9@.]/.test(ch) ? ch : '_')).join('');
	return `%${kept}%`;
}

/** The words of a folded search, at most 5 (a name has no more; the rest would only narrow it). */
export function searchWords(folded: string): string[] {
	return folded
		.split(' ')
		.filter((w) => w !== '')
		.slice(0, 5);
}

/** Whether one of the texts, folded, contains the folded search. */
export function matchesFolded(folded: string, texts: (string | null)[]): boolean {
	return texts.some((t) => t !== null && foldForSearch(t).includes(folded));
}

export type FamilleResult = {
	id: number;
	titulaire: string;
	adultes: string[];
	enfants: string[];
	emails: string[];
};

export type FamillesPage = { results: FamilleResult[]; page: number; hasMore: boolean };

/** Bookings shown on a family's page: the last 30 days and the next 30 (Paris days). */
export const BOOKINGS_WINDOW_DAYS = 30;
/** Most demandes and documents listed on a family's page (the most recent first). */
export const FAMILLE_LIST_LIMIT = 50;

export type FamilleBooking = { personId: number; child: string; activity: string; dates: string[] };

/** What an accepted fiche enfant declared about a child (migration 0013), for the agents. */
export type FamilleChildFile = {
	personId: number;
	child: string;
	pai: boolean;
	/** "Droit à l’image : oui", in the form's order. */
	authorisations: string[];
	/** "DUPIN Jeanne (Grand-mère), 03 21 00 00 01 : autorisée à venir chercher l’enfant". */
	contacts: string[];
};

export type FamilleDetail = {
	childFiles: FamilleChildFile[];
	id: number;
	profile: import('../../profile/profile.ts').Profile;
	bookings: { from: string; to: string; today: string; rows: FamilleBooking[] };
	demandes: { id: number; number: number; type: string; status: string; statusLabel: string; date: string }[];
	documents: {
		id: number;
		type: string;
		person: string;
		status: string;
		statusLabel: string;
		expiresOn: string | null;
		url: string;
	}[];
	ledger: {
		balanceCents: number;
		balance: string;
		lines: {
			id: number;
			valueDate: string;
			label: string;
			sublabel: string;
			debit: string | null;
			credit: string | null;
		}[];
	};
};

/** A Paris day moved by whole days (the dates are YYYY-MM-DD, read as UTC noon to avoid DST). */
export function addDays(day: string, days: number): string {
	const d = new Date(`${day}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}
