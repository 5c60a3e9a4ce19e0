import { agendaSnapshotSchema } from '../domain/agenda/snapshot.ts';
import type { PortailDatabase } from './database.ts';
import { UnreadableAnswer, type SyncResource } from './sync-engine.ts';

/** How the agenda is asked for: the days of a window, and what the answer said of the clocks. */
export type AgendaSource = {
	pull(from: string, to: string): Promise<unknown>;
	/** The server's clock minus this device's (ms), as the last pull's answer told it: kept with it. */
	serverOffset?(): number | undefined;
};

/**
 * The household's agenda as a sync resource: the days of `window()` (what the screen shows and
 * keeps offline), kept in the `agenda` table once the snapshot's schema has read it, with the
 * server's clock offset of that answer (the agenda decides with the server's time).
 */
export function agendaResource(
	db: PortailDatabase,
	source: AgendaSource,
	window: () => { from: string; to: string },
	now: () => Date = () => new Date()
): SyncResource {
	return {
		name: 'agenda',
		async pull() {
			const { from, to } = window();
			const pulled = agendaSnapshotSchema.safeParse(await source.pull(from, to));
			if (!pulled.success) throw new UnreadableAnswer();
			await db.agenda.put({
				key: 'agenda',
				snapshot: pulled.data,
				fetchedAt: now().toISOString(),
				serverOffsetMs: source.serverOffset?.()
			});
		}
	};
}
