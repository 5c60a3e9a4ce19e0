import type SQLite from 'better-sqlite3';
import type { FormCode } from '../../src/lib/domain/requests/form-codes.ts';
import type { DemandeStatusCode } from '../../src/lib/domain/requests/status.ts';
import { addDays } from '../../src/lib/domain/agenda/dates.ts';
import { contactData, ficheEnfantData, salleData, type GeneratedFamily } from './requests-data.ts';

/** Demandes per household, as the bench asks (Mes demandes of a family after a year). */
export const DEMANDES_PER_HOUSEHOLD = 10;
const AGENT = 'Mairie de Hesdigneul';

type Slot = {
	form: FormCode;
	status: DemandeStatusCode;
	data: (f: GeneratedFamily, day: string) => { json: string; personId: number | null; label: string };
	/** The justificatifs the form asks for, none given ("Non fourni"). */
	needs: { type: string; forChild: boolean }[];
};

const FICHE_NEEDS = [
	{ type: 'attestation-caf', forChild: false },
	{ type: 'justificatif-domicile', forChild: false },
	{ type: 'livret-famille', forChild: true },
	{ type: 'assurance-rc', forChild: true }
];
const fiche = (k: number) => (f: GeneratedFamily, day: string) => ficheEnfantData(f, k, day);

/** What each household sent this school year, oldest first: the two fiches enfant at the start. */
const SLOTS: Slot[] = [
	{ form: 'fiche-enfant', status: 'clos', data: fiche(0), needs: FICHE_NEEDS },
	{ form: 'fiche-enfant', status: 'clos', data: fiche(1), needs: FICHE_NEEDS },
	{ form: 'contact-mairie', status: 'clos', data: contactData(0), needs: [] },
	{ form: 'salle-des-fetes', status: 'refusee', data: salleData(0), needs: [] },
	{ form: 'contact-mairie', status: 'clos', data: contactData(1), needs: [] },
	{
		form: 'salle-des-fetes',
		status: 'clos',
		data: salleData(1),
		needs: [{ type: 'assurance-rc', forChild: false }]
	},
	{ form: 'contact-mairie', status: 'en-cours', data: contactData(2), needs: [] },
	{ form: 'contact-mairie', status: 'envoyee', data: contactData(3), needs: [] },
	{ form: 'contact-mairie', status: 'complement', data: contactData(4), needs: [] },
	{ form: 'contact-mairie', status: 'brouillon', data: contactData(5), needs: [] }
];

/** The status path of each demande, as the service and the town would have written it. */
const PATHS: Record<DemandeStatusCode, DemandeStatusCode[]> = {
	brouillon: ['brouillon'],
	envoyee: ['brouillon', 'envoyee'],
	'en-cours': ['brouillon', 'envoyee', 'en-cours'],
	complement: ['brouillon', 'envoyee', 'complement'],
	clos: ['brouillon', 'envoyee', 'en-cours', 'clos'],
	refusee: ['brouillon', 'envoyee', 'en-cours', 'refusee']
};

const SQL = {
	demande: `INSERT INTO demande (client_id, number, household_id, form_code, status, person_id, person_label,
		data_json, step, revision, writer_id, writer_base, created_at, created_by, updated_at, submitted_at)
		VALUES (@clientId, @number, @household, @form, @status, @personId, @label, @json, 0, @revision, @writer, 0,
		@createdAt, @account, @updatedAt, @submittedAt)`,
	history: `INSERT INTO demande_history (demande_id, at, account_id, author, from_status, to_status, comment)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
	need: `INSERT INTO demande_document (demande_id, type, person_id, person_label, document_id)
		VALUES (?, ?, ?, ?, NULL)`,
	version: `INSERT INTO household_resource_version (household_id, resource, version) VALUES (?, 'requests', 1)`,
	counter: `INSERT INTO town_counter (name, value) VALUES ('demande', ?)`
};

/** A UUID v4 made from a counter: the same town every run, and no crypto in a loop of 50,000. */
function uuid(n: number): string {
	const hex = n.toString(16).padStart(12, '0');
	return `00000000-0000-4000-8000-${hex}`;
}

/**
 * Each household's ten demandes, numbered from the town counter in the order they were made (a
 * slot every ten days since September, the households one after the other within it), each with
 * its history lines and its justificatifs' needs; every household's "requests" version set to 1.
 * Raw better-sqlite3 inside the generator's transaction.
 */
export function insertDemandes(raw: SQLite.Database, families: GeneratedFamily[]): Record<string, number> {
	const q = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, raw.prepare(sql)])) as Record<
		keyof typeof SQL,
		SQLite.Statement
	>;
	const rows = { demande: 0, demande_history: 0, demande_document: 0, household_resource_version: 0 };
	let number = 0;
	for (const [s, slot] of SLOTS.entries()) {
		const day = addDays('2026-09-01', s * 9);
		for (const f of families) {
			number++;
			const minutes = (f.household * 7) % 600;
			const at = (offsetDays: number) =>
				new Date(Date.parse(`${addDays(day, offsetDays)}T08:00:00Z`) + minutes * 60_000).toISOString();
			const { json, personId, label } = slot.data(f, day);
			const path = PATHS[slot.status];
			const id = Number(
				q.demande.run({
					clientId: uuid(number),
					number,
					household: f.household,
					form: slot.form,
					status: slot.status,
					personId,
					label,
					json,
					revision: slot.status === 'brouillon' ? 3 : 4,
					writer: uuid(10_000_000 + f.household),
					createdAt: at(0),
					account: f.account,
					updatedAt: at(path.length - 1),
					submittedAt: path.length > 1 ? at(0) : null
				}).lastInsertRowid
			);
			rows.demande++;
			for (const [i, to] of path.entries()) {
				const byFamily = i <= 1;
				q.history.run(
					id,
					at(i),
					byFamily ? f.account : null,
					byFamily ? f.author : AGENT,
					path[i - 1] ?? null,
					to,
					null
				);
				rows.demande_history++;
			}
			for (const need of slot.needs) {
				const person = need.forChild && personId !== null ? [personId, label] : [f.parent, f.author];
				q.need.run(id, need.type, ...person);
				rows.demande_document++;
			}
		}
	}
	for (const f of families) q.version.run(f.household);
	rows.household_resource_version = families.length;
	q.counter.run(number);
	return { ...rows, town_counter: 1 };
}
