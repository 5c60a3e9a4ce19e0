import { sql } from 'kysely';
import { parisDate } from '../../../src/lib/domain/agenda/paris-time.ts';
import type { DashboardCounts } from '../../../src/lib/domain/backoffice/dashboard/dashboard.ts';
import type { Db } from '../../db/database.ts';

/**
 * The tableau de bord (manual §4): each count one indexed query (demande_by_status,
 * document_by_status and reservation_by_date_activity of 0016, message_unread_by_town of 0011).
 */
export async function readDashboard(db: Db, now: Date): Promise<DashboardCounts> {
	const date = parisDate(now);
	const [aTraiter, complements, justificatifs, nonLus, activities, day] = await Promise.all([
		db
			.selectFrom('demande')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'envoyee')
			.where('assigned_account_id', 'is', null)
			.executeTakeFirstOrThrow(),
		// Sent again by the family after a complément, and not yet taken again by an agent.
		db
			.selectFrom('demande')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'envoyee')
			.where(({ exists, selectFrom }) =>
				exists(
					selectFrom('demande_history')
						.select(sql`1`.as('x'))
						.whereRef('demande_history.demande_id', '=', 'demande.id')
						.where('from_status', '=', 'complement')
						.where('to_status', '=', 'envoyee')
				)
			)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('document')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'a-valider')
			// As the Justificatifs list counts them: a message's pièce jointe is not validated.
			.where('type', '!=', 'piece-jointe')
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('message')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('author', '=', 'famille')
			.where('read_at', 'is', null)
			.executeTakeFirstOrThrow(),
		db.selectFrom('activity').select(['code', 'label']).orderBy('position').execute(),
		db
			.selectFrom('reservation')
			.select(['activity_code', (eb) => eb.fn.countAll<number>().as('n')])
			.where('service_date', '=', date)
			.groupBy('activity_code')
			.execute()
	]);
	return {
		demandesATraiter: Number(aTraiter.n),
		complementsRecus: Number(complements.n),
		justificatifsAValider: Number(justificatifs.n),
		messagesNonLus: Number(nonLus.n),
		date,
		presences: activities.map((a) => ({
			activityCode: a.code,
			label: a.label,
			count: Number(day.find((d) => d.activity_code === a.code)?.n ?? 0)
		}))
	};
}
