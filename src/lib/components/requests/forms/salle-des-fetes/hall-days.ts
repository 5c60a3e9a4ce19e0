import { answer, api } from '../../../../api/client.ts';
import { hallDaysAnswerSchema, type HallDaysAnswer } from '../../../../domain/requests/snapshot.ts';
import type { PortailDatabase } from '../../../../offline/database.ts';
import { readResource } from '../../../../offline/versioned-resource.ts';

/** Its own key in Dexie's `resources` (not a synced resource: town-wide, fetched when the form opens). */
export const HALL_DAYS_KEY = 'salle-des-fetes-jours';

export type HallDays = { answer: HallDaysAnswer; fetchedAt: string; fresh: boolean };

/**
 * The days already asked for or booked: asked of the server, kept for offline; when the server
 * cannot be reached, the last copy (with when it was fetched), or null when the device never had one.
 * Nothing is reserved from this list: the server checks the days again when the demande is sent.
 */
export async function loadHallDays(
	db: PortailDatabase,
	now: () => Date = () => new Date()
): Promise<HallDays | null> {
	try {
		const raw = await answer(api.requests['salle-des-fetes'].jours.$get());
		const parsed = hallDaysAnswerSchema.parse(raw);
		const fetchedAt = now().toISOString();
		await db.resources.put({ key: HALL_DAYS_KEY, version: 0, data: parsed, fetchedAt });
		return { answer: parsed, fetchedAt, fresh: true };
	} catch {
		const held = await readResource(db, HALL_DAYS_KEY, hallDaysAnswerSchema);
		return held ? { answer: held.data, fetchedAt: held.fetchedAt, fresh: false } : null;
	}
}
