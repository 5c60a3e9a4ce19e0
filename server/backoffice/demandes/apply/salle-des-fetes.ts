import { frenchDate } from '../../../../src/lib/domain/requests/recap.ts';
import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../http/errors.ts';
import type { AcceptedDemande, AppliedChanges } from '../apply-accepted.ts';

/**
 * Accepting a salle des fêtes demande books its days (hall_day 'reservee'). A day another demande
 * has already booked cannot be booked twice: the acceptance is refused, naming the days, and the
 * status change rolls back with it.
 */
export async function applySalleDesFetes(trx: Db, demande: AcceptedDemande): Promise<AppliedChanges> {
	const days = (
		await trx
			.selectFrom('hall_day')
			.select('day')
			.where('demande_id', '=', demande.id)
			.orderBy('day')
			.execute()
	).map((d) => d.day);
	if (days.length === 0) return { changes: [] };
	const taken = await trx
		.selectFrom('hall_day')
		.select('day')
		.distinct()
		.where('day', 'in', days)
		.where('state', '=', 'reservee')
		.where('demande_id', '!=', demande.id)
		.orderBy('day')
		.execute();
	if (taken.length > 0) {
		throw new AppError(
			409,
			'hall_day_taken',
			`La salle est déjà réservée le ${taken.map((t) => frenchDate(t.day)).join(', ')} : cette demande ne peut pas être acceptée.`
		);
	}
	await trx.updateTable('hall_day').set({ state: 'reservee' }).where('demande_id', '=', demande.id).execute();
	return { changes: [`Salle des fêtes réservée : ${days.map(frenchDate).join(', ')}`] };
}
