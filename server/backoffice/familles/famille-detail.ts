import { parisDate } from '../../../src/lib/domain/agenda/paris-time.ts';
import {
	addDays,
	BOOKINGS_WINDOW_DAYS,
	FAMILLE_LIST_LIMIT,
	type FamilleBooking,
	type FamilleDetail
} from '../../../src/lib/domain/backoffice/familles/familles.ts';
import {
	DOCUMENT_STATUS_LABELS,
	DOCUMENT_TYPE_LABELS,
	type DocumentTypeCode
} from '../../../src/lib/domain/documents/document-types.ts';
import { FORM_TYPE_LABELS, type FormCode } from '../../../src/lib/domain/requests/form-codes.ts';
import { STATUS_LABELS } from '../../../src/lib/domain/requests/status.ts';
import { loadActivities, loadAgendaPersons, loadReservations } from '../../agenda/agenda-data.ts';
import { readHouseholdLedger } from '../../billing/household-ledger.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { readProfile } from '../../profile/profile-service.ts';
import { readChildFiles } from './child-files.ts';

export const UNKNOWN_FAMILLE = 'Cette famille est introuvable.';

/** The household of kind 'famille' with this id, or 404 (the town's household is never a family). */
export async function requireFamille(db: Db, id: number): Promise<void> {
	const row = await db
		.selectFrom('household')
		.select('id')
		.where('id', '=', id)
		.where('kind', '=', 'famille')
		.executeTakeFirst();
	if (!row) throw new AppError(404, 'not_found', UNKNOWN_FAMILLE);
}

/** The titulaire's account: the profile reader reads a household through it. */
async function titulaireAccount(db: Db, householdId: number) {
	const row = await db
		.selectFrom('account')
		.innerJoin('person', 'person.id', 'account.person_id')
		.select(['account.id', 'account.username', 'account.person_id', 'account.email'])
		.where('account.household_id', '=', householdId)
		.where('account.role', '=', 'citizen')
		.orderBy(({ eb }) => eb.case().when('person.role', '=', 'titulaire').then(0).else(1).end())
		.orderBy('account.id')
		.executeTakeFirst();
	if (!row) throw new AppError(404, 'not_found', UNKNOWN_FAMILLE);
	return {
		id: row.id,
		username: row.username,
		role: 'citizen' as const,
		personId: row.person_id,
		householdId,
		email: row.email
	};
}

async function bookingsOf(db: Db, householdId: number, today: string) {
	const from = addDays(today, -BOOKINGS_WINDOW_DAYS);
	const to = addDays(today, BOOKINGS_WINDOW_DAYS);
	const [persons, activities] = await Promise.all([loadAgendaPersons(db, householdId), loadActivities(db)]);
	const reservations = await loadReservations(
		db,
		persons.map((p) => p.id),
		from,
		to
	);
	const rows: FamilleBooking[] = [];
	for (const person of persons) {
		for (const activity of activities) {
			const dates = reservations
				.filter((r) => r.personId === person.id && r.activityCode === activity.code)
				.map((r) => r.date)
				.sort();
			if (dates.length > 0)
				rows.push({
					personId: person.id,
					child: `${person.nom} ${person.prenom}`,
					activity: activity.label,
					dates
				});
		}
	}
	return { from, to, today, rows };
}

/** Everything an agent sees of one family; 404 for an unknown household or the town's. */
export async function readFamille(db: Db, id: number, now: Date): Promise<FamilleDetail> {
	await requireFamille(db, id);
	const account = await titulaireAccount(db, id);
	const today = parisDate(now);
	const [profile, bookings, demandes, documents, ledger, childFiles] = await Promise.all([
		readProfile(db, account),
		bookingsOf(db, id, today),
		db
			.selectFrom('demande')
			.select(['id', 'number', 'form_code', 'status', 'submitted_at', 'created_at'])
			.where('household_id', '=', id)
			.where('status', '!=', 'brouillon')
			.orderBy('number', 'desc')
			.limit(FAMILLE_LIST_LIMIT)
			.execute(),
		db
			.selectFrom('document')
			.select(['id', 'type', 'person_id', 'person_label', 'status', 'expires_on'])
			.where('household_id', '=', id)
			.orderBy('id', 'desc')
			.limit(FAMILLE_LIST_LIMIT)
			.execute(),
		readHouseholdLedger(db, id),
		readChildFiles(db, id)
	]);
	const members = [...profile.household.adults, ...profile.household.children];
	const personName = (personId: number | null, label: string | null) => {
		const m = members.find((p) => p.id === personId);
		return m ? `${m.nom} ${m.prenom}` : (label ?? '—');
	};
	return {
		id,
		profile,
		childFiles,
		bookings,
		demandes: demandes.map((d) => ({
			id: d.id,
			number: d.number,
			type: FORM_TYPE_LABELS[d.form_code as FormCode] ?? d.form_code,
			status: d.status,
			statusLabel: STATUS_LABELS[d.status],
			date: d.submitted_at ?? d.created_at
		})),
		documents: documents.map((d) => ({
			id: d.id,
			type: DOCUMENT_TYPE_LABELS[d.type as DocumentTypeCode] ?? d.type,
			person: personName(d.person_id, d.person_label),
			status: d.status,
			statusLabel: DOCUMENT_STATUS_LABELS[d.status],
			expiresOn: d.expires_on,
			url: `/api/admin/documents/${d.id}/fichier`
		})),
		ledger
	};
}
