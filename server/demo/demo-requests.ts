import { randomUUID } from 'node:crypto';
import { addDays } from '../../src/lib/domain/agenda/dates.ts';
import { parisDate } from '../../src/lib/domain/agenda/paris-time.ts';
import type { FormCode } from '../../src/lib/domain/requests/form-codes.ts';
import { FORMS } from '../../src/lib/domain/requests/forms/index.ts';
import { HALL_MIN_DAYS_AHEAD } from '../../src/lib/domain/requests/forms/hall-rules.ts';
import type { DemandeStatusCode } from '../../src/lib/domain/requests/status.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { addressLine } from '../../src/lib/domain/requests/forms/address.ts';
import { displayName } from '../../src/lib/domain/profile/person-name.ts';
import { namesOf } from '../profile/person-row.ts';
import { linkNeeds } from '../requests/demande-needs.ts';
import { demandeSearchText } from '../backoffice/demandes/search-text.ts';
import { insertDemande, takeNumber } from '../requests/demande-repository.ts';
import { bumpResourceVersion } from '../sync/resource-version.ts';
import { DEMO_CITIZEN } from './demo-data.ts';

const DEMO_REQUESTS_KEY = 'demo-requests-v1';

/** Who the demo's demandes are for, and who answers them for the town. */
export type DemoFamily = {
	householdId: number;
	accountId: number;
	author: string;
	parent: { personId: number; label: string };
	child: { personId: number; label: string };
	addressId: number;
	addressLabel: string;
	phone: string;
	email: string;
};
export const DEMO_TOWN_AUTHOR = 'Mairie de Hesdigneul-lès-Boulogne';

export type Step = { status: DemandeStatusCode; daysAgo: number; comment?: string; byTown?: boolean };
export type DemoDemande = { formCode: FormCode; data: Record<string, unknown>; steps: Step[]; step: number };

const at = (now: Date, daysAgo: number, hour: number) =>
	new Date(now.getTime() - daysAgo * 86_400_000 + hour * 60_000).toISOString();

// The first Saturday at least 15 days on: a hall date the form accepts whatever today is.
function nextSaturday(today: string): string {
	let day = addDays(today, HALL_MIN_DAYS_AHEAD + 7);
	while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 6) day = addDays(day, 1);
	return day;
}

/** The manual's "Mes demandes" (§ Effectuées, En cours) for the DUPIN family, as of `now`. */
export function demoDemandes(family: DemoFamily, now: Date): DemoDemande[] {
	const today = parisDate(now);
	const ficheSigned = parisDate(new Date(at(now, 40, 0)));
	const fiche = {
		responsable: {
			responsable: family.parent,
			autreSituation: 'non',
			situationFamiliale: 'marie',
			adresse: { addressId: family.addressId, label: family.addressLabel }
		},
		conjoint: { ajouter: 'non' },
		enfant: {
			enfant: family.child,
			sessions: ['restauration-scolaire', 'garderie'],
			pai: 'non',
			etablissement: 'École publique de Hesdigneul-lès-Boulogne',
			niveau: 'CE2'
		},
		autorisations: { droitImage: 'oui', soinsUrgence: 'oui', sortieSeul: 'non', sortiesScolaires: 'oui' },
		'autres-personnes': { personnes: [] },
		justificatifs: { justificatifs: { 'attestation-caf': { choice: 'plus-tard' } } },
		signature: { attestation: true, nom: family.author, date: ficheSigned }
	};
	const contact = {
		message: {
			nom: family.author,
			objet: 'Horaires de la garderie du mercredi',
			message: 'Bonjour, la garderie du matin ouvre-t-elle aussi les mercredis de vacances ? Merci.',
			pieceJointe: null
		}
	};
	const salle = {
		reservation: {
			dateDebut: nextSaturday(today),
			dateFin: '',
			heureDebut: '14:00',
			heureFin: '23:00',
			typeEvenement: 'anniversaire',
			precisions: '',
			nombrePersonnes: '40'
		},
		contact: { nom: family.author, telephone: family.phone, email: family.email }
	};
	return [
		{
			formCode: 'fiche-enfant',
			data: fiche,
			step: 6,
			steps: [
				{ status: 'brouillon', daysAgo: 40 },
				{ status: 'envoyee', daysAgo: 40 },
				{ status: 'en-cours', daysAgo: 38, byTown: true },
				{ status: 'clos', daysAgo: 37, byTown: true, comment: 'Inscription de Tim enregistrée.' }
			]
		},
		{
			formCode: 'contact-mairie',
			data: contact,
			step: 0,
			steps: [
				{ status: 'brouillon', daysAgo: 12 },
				{ status: 'envoyee', daysAgo: 12 },
				{
					status: 'clos',
					daysAgo: 11,
					byTown: true,
					comment: 'Oui, la garderie du matin ouvre les mercredis de vacances, de 7h30 à 8h35.'
				}
			]
		},
		{ formCode: 'salle-des-fetes', data: salle, step: 1, steps: [{ status: 'brouillon', daysAgo: 2 }] }
	];
}

/** The demo family as installDemoData left it; null when it is not there (a town's real base). */
async function findDemoFamily(db: Db): Promise<DemoFamily | null> {
	const account = await db
		.selectFrom('account')
		.innerJoin('person', 'person.id', 'account.person_id')
		.select(['account.id', 'account.household_id', 'account.person_id', 'account.email'])
		.select(['person.nom_naissance', 'person.nom_usage', 'person.prenom'])
		.where('account.username', '=', DEMO_CITIZEN.username)
		.executeTakeFirst();
	if (!account) return null;
	const child = await db
		.selectFrom('person')
		.select(['id', 'nom_naissance', 'nom_usage', 'prenom'])
		.where('household_id', '=', account.household_id)
		.where('role', '=', 'enfant')
		.orderBy('id')
		.executeTakeFirst();
	const address = await db
		.selectFrom('address')
		.selectAll()
		.where('household_id', '=', account.household_id)
		.where('is_default', '=', 1)
		.executeTakeFirst();
	const phone = await db
		.selectFrom('phone')
		.select('number')
		.where('person_id', '=', account.person_id)
		.executeTakeFirst();
	if (!child || !address || !phone) return null;
	const author = displayName(namesOf(account));
	return {
		householdId: account.household_id,
		accountId: account.id,
		author,
		parent: { personId: account.person_id, label: author },
		child: { personId: child.id, label: displayName(namesOf(child)) },
		addressId: address.id,
		addressLabel: addressLine({
			id: address.id,
			name: address.name,
			isDefault: true,
			streetNumber: address.street_number,
			numberComplement: address.number_complement,
			street: address.street,
			streetComplement: address.street_complement,
			postalCode: address.postal_code,
			city: address.city,
			country: address.country
		}),
		phone: phone.number,
		email: account.email
	};
}

/**
 * What `npm run demo` adds after the demo family, once: its past demandes (installDemoData leaves
 * none, so the requests tests start from a household without any).
 */
export async function installDemoRequests(db: Db, clock: Clock): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const done = await trx
			.selectFrom('town_setup')
			.select('key')
			.where('key', '=', DEMO_REQUESTS_KEY)
			.executeTakeFirst();
		const family = done ? null : await findDemoFamily(trx);
		if (!family) return false;
		await writeDemoRequests(trx, family, clock.now());
		await trx.insertInto('town_setup').values({ key: DEMO_REQUESTS_KEY }).execute();
		return true;
	});
}

/** Who answers the demo's demandes: the town by default, or a named agent who took them. */
export type DemoTown = { accountId: number | null; author: string; assignedAccountId: number | null };
const THE_TOWN: DemoTown = { accountId: null, author: DEMO_TOWN_AUTHOR, assignedAccountId: null };

/**
 * Writes the demo's demandes through the tables the requests module uses: a number from the town
 * counter each, a history line per status, the justificatifs needed once sent.
 */
async function writeDemoRequests(trx: Db, family: DemoFamily, now: Date): Promise<void> {
	for (const demande of demoDemandes(family, now)) await writeDemoDemande(trx, family, demande, now);
	await bumpResourceVersion(trx, family.householdId, 'requests');
}

/**
 * One demo demande, its answers checked by its form as of the day it was sent (a demo that a form
 * would refuse fails here, not in front of a visitor). The caller bumps the family's 'requests'.
 */
export async function writeDemoDemande(
	trx: Db,
	family: DemoFamily,
	demande: DemoDemande,
	now: Date,
	town: DemoTown = THE_TOWN
): Promise<void> {
	const first = demande.steps[0]!;
	const last = demande.steps.at(-1)!;
	const sent = demande.steps.find((s) => s.status === 'envoyee');
	const created = at(now, first.daysAgo, 0);
	const form = FORMS[demande.formCode];
	const parsed = sent
		? form.submitSchema(parisDate(new Date(at(now, sent.daysAgo, 1)))).parse(demande.data)
		: null;
	const person = parsed ? form.personConcerned(parsed) : null;
	const number = await takeNumber(trx);
	const row = await insertDemande(trx, {
		client_id: randomUUID(),
		number,
		household_id: family.householdId,
		form_code: demande.formCode,
		status: last.status,
		person_id: person?.personId ?? null,
		person_label: person?.label ?? null,
		data_json: JSON.stringify(demande.data),
		step: demande.step,
		revision: 1,
		writer_id: 'demo',
		writer_base: 0,
		created_at: created,
		created_by: family.accountId,
		updated_at: at(now, sent?.daysAgo ?? first.daysAgo, 1),
		submitted_at: sent ? at(now, sent.daysAgo, 1) : null,
		assigned_account_id: town.assignedAccountId,
		// As a family's sending writes it: the agents' queue finds the demo's demandes too.
		search_text: await demandeSearchText(trx, family.householdId, number, person?.label ?? null)
	});
	let from: DemandeStatusCode | null = null;
	for (const [i, step] of demande.steps.entries()) {
		await trx
			.insertInto('demande_history')
			.values({
				demande_id: row.id,
				at: at(now, step.daysAgo, i),
				account_id: step.byTown ? town.accountId : family.accountId,
				author: step.byTown ? town.author : family.author,
				from_status: from,
				to_status: step.status,
				comment: step.comment ?? null
			})
			.execute();
		from = step.status;
	}
	if (parsed) await linkNeeds(trx, family.householdId, row.id, form.documents(parsed), parisDate(now));
}
