import { describe, expect, it } from 'vitest';
import {
	CSV_BOM,
	csvCell,
	csvCutNotice,
	csvDateTime,
	csvHeader,
	csvLine,
	demandeCells,
	exportFileName,
	exportQuery,
	type ExportRow
} from '../../../src/lib/domain/backoffice/demandes/demandes-csv.ts';

const row: ExportRow = {
	id: 7,
	number: 36,
	formCode: 'fiche-enfant',
	status: 'en-cours',
	submittedAt: '2026-07-14T08:05:00.000Z',
	personLabel: 'DUPIN Élodie',
	householdId: 3,
	famille: 'DUPIN Pascal',
	email: 'pascal.dupin@example.fr',
	agent: 'MAIRIE Agent',
	assignedAccountId: 9,
	unread: 0,
	updatedAt: '2026-12-02T15:30:00.000Z'
};

describe('the demandes CSV serializer', () => {
	it('opens with the BOM and the French column names, ";" between them, CRLF after', () => {
		expect(csvHeader()).toBe(
			`${CSV_BOM}N°;Téléservice;Famille;Personne concernée;E-mail;Déposée le;Statut;Agent;Dernière mise à jour\r\n`
		);
		expect(csvHeader().charCodeAt(0)).toBe(0xfeff);
	});

	it('writes a demande with its labels and Paris times (summer and winter)', () => {
		expect(csvLine(demandeCells(row))).toBe(
			'36;Fiche enfant;DUPIN Pascal;DUPIN Élodie;pascal.dupin@example.fr;14/07/2026 10:05;' +
				'En cours de traitement;MAIRIE Agent;02/12/2026 16:30\r\n'
		);
		expect(demandeCells({ ...row, agent: null, personLabel: null, email: null, submittedAt: null })).toEqual([
			'36',
			'Fiche enfant',
			'DUPIN Pascal',
			'',
			'',
			'',
			'En cours de traitement',
			'',
			'02/12/2026 16:30'
		]);
		expect(csvDateTime('2026-12-31T23:30:00Z')).toBe('01/01/2027 00:30');
	});

	it('quotes per RFC 4180 a field holding ";", a quote, CR or LF, and leaves the others bare', () => {
		expect(csvCell('simple, avec virgule')).toBe('simple, avec virgule');
		expect(csvCell('a;b')).toBe('"a;b"');
		expect(csvCell('dit "bonjour"')).toBe('"dit ""bonjour"""');
		expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
		expect(csvCell('ligne 1\r\nligne 2')).toBe('"ligne 1\r\nligne 2"');
		expect(csvLine(['a', 'b;c', ''])).toBe('a;"b;c";\r\n');
	});

	it('makes a cell that a spreadsheet would run as a formula plain text', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
		expect(csvCell('+33 6 12')).toBe("'+33 6 12");
		expect(csvCell('-2+3')).toBe("'-2+3");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=1')).toBe("'\t=1");
		expect(csvCell('\r=1')).toBe('"\'\r=1"');
		expect(csvCell('DUPIN-MARTIN')).toBe('DUPIN-MARTIN');
		expect(csvCell('a=b')).toBe('a=b');
	});

	it('ends a cut file with a line saying so, names the file after the Paris day, ignores the page', () => {
		expect(csvCutNotice(12345)).toMatch(/^Export limité aux 10\s000 premières demandes sur 12\s345/u);
		expect(csvCutNotice(12345).endsWith('\r\n')).toBe(true);
		expect(exportFileName(new Date('2026-12-02T23:30:00Z'))).toBe('demandes-2026-12-03.csv');
		expect(exportQuery.parse({ page: '3', statut: 'clos' })).toEqual({
			statut: 'clos',
			complements: false,
			nonLus: false,
			tri: 'date',
			ordre: 'desc'
		});
	});
});
