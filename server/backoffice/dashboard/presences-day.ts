import {
	MAX_PRESENCES_PER_ACTIVITY,
	type PresencesDay
} from '../../../src/lib/domain/backoffice/dashboard/dashboard.ts';
import { displayName } from '../../../src/lib/domain/profile/person-name.ts';
import { loadActivities } from '../../agenda/agenda-data.ts';
import type { Db } from '../../db/database.ts';
import { namesOf } from '../../profile/person-row.ts';

/** The children booked on one day, per activity, with their family's titulaire (a printable list). */
export async function readPresences(db: Db, date: string): Promise<PresencesDay> {
	const activities = await loadActivities(db);
	const lists = await Promise.all(
		activities.map((a) =>
			db
				.selectFrom('reservation')
				.innerJoin('person', 'person.id', 'reservation.person_id')
				.innerJoin('person as titulaire', (join) =>
					join
						.onRef('titulaire.household_id', '=', 'reservation.household_id')
						.on('titulaire.role', '=', 'titulaire')
				)
				.select([
					'person.id as personId',
					'person.prenom',
					'person.nom_naissance',
					'person.nom_usage',
					'reservation.household_id as familleId',
					'titulaire.prenom as tPrenom',
					'titulaire.nom_naissance as tNomNaissance',
					'titulaire.nom_usage as tNomUsage'
				])
				.where('reservation.service_date', '=', date)
				.where('reservation.activity_code', '=', a.code)
				.orderBy('person.nom_naissance')
				.orderBy('person.prenom')
				.limit(MAX_PRESENCES_PER_ACTIVITY + 1)
				.execute()
		)
	);
	return {
		date,
		activities: activities.map((a, i) => {
			const rows = lists[i] ?? [];
			return {
				code: a.code,
				label: a.label,
				truncated: rows.length > MAX_PRESENCES_PER_ACTIVITY,
				children: rows.slice(0, MAX_PRESENCES_PER_ACTIVITY).map((r) => ({
					personId: r.personId,
					child: displayName(namesOf(r)),
					familleId: r.familleId,
					famille: displayName({ nomNaissance: r.tNomNaissance, nomUsage: r.tNomUsage, prenom: r.tPrenom })
				}))
			};
		})
	};
}
