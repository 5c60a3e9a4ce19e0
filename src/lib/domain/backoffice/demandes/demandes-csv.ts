import { parisDate } from '../../agenda/paris-time.ts';
import { FORM_TYPE_LABELS } from '../../requests/form-codes.ts';
import { STATUS_LABELS } from '../../requests/status.ts';
import { queueQuery, type QueueRow } from './queue-query.ts';

/**
 * The queue's CSV export as a French spreadsheet opens it without an import dialog: UTF-8 with a
 * BOM (else Excel reads Latin-1 and the accents break), ';' between fields (',' is the decimal
 * separator in French), CRLF line ends, RFC 4180 quoting.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_EOL = '\r\n';

/** Every filtered row is exported up to this many; past it a last line says the file is cut. */
export const EXPORT_MAX_ROWS = 10_000;
/** Rows read per query: the server yields between two chunks (better-sqlite3 blocks while it reads). */
export const EXPORT_CHUNK_ROWS = 500;

/** The queue's filters and order; the page is meaningless here (every row is exported). */
export const exportQuery = queueQuery.omit({ page: true });

export const DEMANDES_CSV_COLUMNS = [
	'N°',
	'Téléservice',
	'Famille',
	'Personne concernée',
	'E-mail',
	'Déposée le',
	'Statut',
	'Agent',
	'Dernière mise à jour'
] as const;

/** A queue row and when the demande last changed, the export's one extra column. */
export type ExportRow = QueueRow & { updatedAt: string };

// A spreadsheet runs a cell starting with one of these as a formula ("=HYPERLINK(…)" typed in a
// demande by anyone): a leading apostrophe makes it text (OWASP's CSV injection advice).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** One field: made inert if it could be read as a formula, then quoted when it must be. */
export function csvCell(value: string): string {
	const inert = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

export const csvLine = (cells: readonly string[]): string => cells.map(csvCell).join(CSV_SEPARATOR) + CSV_EOL;

const parisMinute = new Intl.DateTimeFormat('fr-FR', {
	dateStyle: 'short',
	timeStyle: 'short',
	timeZone: 'Europe/Paris'
});

/** "02/12/2026 10:05", Paris time (a spreadsheet reads it as a date and time). */
export const csvDateTime = (iso: string | null): string =>
	iso ? parisMinute.format(new Date(iso)).replace(/\s+/g, ' ') : '';

export function demandeCells(row: ExportRow): string[] {
	return [
		String(row.number),
		FORM_TYPE_LABELS[row.formCode],
		row.famille,
		row.personLabel ?? '',
		row.email ?? '',
		csvDateTime(row.submittedAt),
		STATUS_LABELS[row.status],
		row.agent ?? '',
		csvDateTime(row.updatedAt)
	];
}

/** The file's first line: the BOM and the column names. */
export const csvHeader = (): string => CSV_BOM + csvLine(DEMANDES_CSV_COLUMNS);

/** The last line of a cut file, so nobody takes it for the whole queue. */
export const csvCutNotice = (total: number): string =>
	csvLine([
		`Export limité aux ${EXPORT_MAX_ROWS.toLocaleString('fr-FR')} premières demandes sur ${total.toLocaleString('fr-FR')} : affinez les filtres pour obtenir les autres.`
	]);

/** "demandes-2026-12-02.csv": the day of the export in Paris. */
export const exportFileName = (now: Date): string => `demandes-${parisDate(now)}.csv`;
