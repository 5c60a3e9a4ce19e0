import {
	enrolmentLossMessage,
	lostGroups,
	sessionChanges,
	type SessionLoss
} from '../../src/lib/domain/agenda/enrolment-loss.ts';
import { parisDate } from '../../src/lib/domain/agenda/paris-time.ts';
import { SESSION_GROUPS } from '../../src/lib/domain/agenda/rules.ts';
import { familyName } from '../../src/lib/domain/profile/person-name.ts';
import { SESSION_LABELS } from '../../src/lib/domain/profile/profile.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { postTownMessage } from '../messages/town-messages.ts';
import { namesOf } from '../profile/person-row.ts';
import { bumpVersion } from '../sync/household-version.ts';
import { loadActivities } from './agenda-data.ts';
import { writeChanges } from './reservation-writer.ts';

export type EnrolmentEdit = {
	householdId: number;
	personId: number;
	/** The child's sessions from now on (codes of SESSION_GROUPS), replacing his earlier ones. */
	sessions: readonly string[];
	agentAccountId: number;
	/** The demande that asked for it (its thread gets the town's message); null from Familles. */
	demandeId?: number | null;
};

/** How the history names the one who cancelled: the town, not the family. */
const TOWN_AUTHOR = 'Mairie';
/** Bookings cancelled per statement batch: a school year is at most ~200 days per activity. */
const CHUNK = 500;

/**
 * Replaces a child's enrolments (an accepted fiche enfant, an agent's edit in Familles). A session
 * he loses closes its activities to him: his bookings of them AFTER today (Paris) are cancelled as
 * a family's cancellation is (booking deleted, "-" history line by the town, the debit reversed in
 * the ledger by writeChanges), today's and past ones are kept (served or too late), and the family
 * is told by the town's message "Information". All in the caller's transaction, in chunks of
 * bounded statements. The household's agenda version rises so its devices pull the change.
 */
export async function setEnrolments(trx: Db, now: Date, edit: EnrolmentEdit): Promise<{ changes: string[] }> {
	const unknown = edit.sessions.find((s) => !(s in SESSION_GROUPS));
	if (unknown !== undefined || edit.sessions.length > Object.keys(SESSION_GROUPS).length)
		throw new AppError(400, 'invalid_session', 'Activité inconnue.');
	const person = await trx
		.selectFrom('person')
		.select(['id', 'nom_naissance', 'nom_usage', 'prenom'])
		.where('id', '=', edit.personId)
		.where('household_id', '=', edit.householdId)
		.executeTakeFirst();
	if (!person) throw new AppError(404, 'not_found', 'Personne introuvable dans ce foyer.');
	const at = now.toISOString();
	const current = await trx
		.selectFrom('activity_enrolment')
		.select('session')
		.where('person_id', '=', person.id)
		.execute();
	const { added, dropped } = sessionChanges(
		current.map((c) => c.session),
		[...new Set(edit.sessions)]
	);
	const changes: string[] = [];
	if (added.length > 0) {
		await trx
			.insertInto('activity_enrolment')
			.values(added.map((session) => ({ person_id: person.id, session, created_at: at })))
			.execute();
		changes.push(`Inscrit à : ${added.map((s) => SESSION_LABELS[s] ?? s).join(', ')}`);
	}
	if (dropped.length > 0) {
		await trx
			.deleteFrom('activity_enrolment')
			.where('person_id', '=', person.id)
			.where('session', 'in', dropped)
			.execute();
		const losses = await cancelFutureBookings(trx, now, edit, person, dropped);
		changes.push(`Désinscrit de : ${dropped.map((s) => SESSION_LABELS[s] ?? s).join(', ')}`);
		const days = losses.reduce((n, l) => n + l.days, 0);
		if (days > 0) changes.push(`Réservations à venir annulées et remboursées : ${days}`);
		const child = `${person.prenom} ${familyName(namesOf(person))}`;
		await postTownMessage(trx, now, {
			householdId: edit.householdId,
			demandeId: edit.demandeId ?? null,
			subject: 'Information',
			body: enrolmentLossMessage(child, losses),
			agentAccountId: edit.agentAccountId
		});
	}
	if (added.length > 0 || dropped.length > 0) await bumpVersion(trx, edit.householdId);
	return { changes };
}

/** Each dropped session's bookings after today cancelled and refunded, CHUNK at a time. */
async function cancelFutureBookings(
	trx: Db,
	now: Date,
	edit: EnrolmentEdit,
	person: { id: number; nom_naissance: string; nom_usage: string | null; prenom: string },
	dropped: string[]
): Promise<SessionLoss[]> {
	const kept = edit.sessions;
	const lost = new Set(lostGroups(dropped, kept));
	const activities = await loadActivities(trx);
	const ctx = {
		householdId: edit.householdId,
		accountId: edit.agentAccountId,
		author: TOWN_AUTHOR,
		now: now.toISOString(),
		activities: new Map(activities.map((a) => [a.code, a])),
		persons: new Map([
			[
				person.id,
				{ id: person.id, nom: familyName(namesOf(person)), prenom: person.prenom, sessions: [...kept] }
			]
		])
	};
	const today = parisDate(now);
	const losses: SessionLoss[] = [];
	for (const session of dropped) {
		const codes = activities
			.filter((a) => (SESSION_GROUPS[session] ?? []).includes(a.groupCode) && lost.has(a.groupCode))
			.map((a) => a.code);
		const loss: SessionLoss = { session, days: 0, refundedCents: 0 };
		const days = new Set<string>();
		// Each round deletes what it read, so the next one reads the following bookings.
		for (;;) {
			if (codes.length === 0) break;
			const bookings = await trx
				.selectFrom('reservation')
				.select(['activity_code', 'service_date'])
				.where('person_id', '=', person.id)
				.where('activity_code', 'in', codes)
				.where('service_date', '>', today)
				.orderBy('service_date')
				.limit(CHUNK)
				.execute();
			if (bookings.length === 0) break;
			loss.refundedCents += await writeChanges(
				trx,
				ctx,
				bookings.map((b) => ({
					personId: person.id,
					activityCode: b.activity_code,
					date: b.service_date,
					action: 'cancel' as const
				}))
			);
			for (const b of bookings) days.add(b.service_date);
		}
		loss.days = days.size;
		losses.push(loss);
	}
	return losses;
}
