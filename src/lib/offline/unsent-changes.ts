import type { PortailDatabase } from './database.ts';
import { draftsTable } from './requests/tables.ts';

/**
 * What signing out would lose on this device: the outbox (agenda changes, demandes, files), and
 * the drafts typed since their last save was queued (the autosave waits two seconds).
 */
export async function unsentChanges(db: PortailDatabase): Promise<number> {
	const queued = await db.outbox.count();
	const typed = await draftsTable(db)
		.filter((d) => d.dirty === true && (d.queued?.length ?? 0) === 0)
		.count();
	return queued + typed;
}

/** The question asked before signing out with changes not sent, in the parent's words; null when none. */
export function signOutQuestion(unsent: number): string | null {
	if (unsent <= 0) return null;
	return unsent === 1
		? "1 modification (agenda ou demande) n'a pas encore été envoyée à la mairie et sera perdue. Se déconnecter quand même ?"
		: `${unsent} modifications (agenda ou demandes) n'ont pas encore été envoyées à la mairie et seront perdues. Se déconnecter quand même ?`;
}
