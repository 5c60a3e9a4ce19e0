import { changesOf, type Change } from '../../src/lib/domain/agenda/planner.ts';
import { AGENDA_KINDS, type AgendaKind } from '../../src/lib/domain/agenda/mutations.ts';
import { displayName } from '../../src/lib/domain/profile/person-name.ts';
import { dayChunks } from '../../src/lib/domain/sync/mutation-parts.ts';
import type { AgendaMutation, MutationResult } from '../../src/lib/domain/sync/protocol.ts';
import { MAX_TRANSACTION_WEIGHT } from '../../src/lib/domain/sync/push-budget.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { namesOf } from '../profile/person-row.ts';
import type { MutationHandler } from '../sync/mutation-handler.ts';
import { applyPart, type Reference } from './apply-part.ts';
import { loadActivities, loadCalendar } from './agenda-data.ts';

async function loadReference(db: Db, account: CurrentAccount): Promise<Reference> {
	const [activities, calendar, author] = await Promise.all([
		loadActivities(db),
		loadCalendar(db),
		db
			.selectFrom('person')
			.select(['nom_naissance', 'nom_usage', 'prenom'])
			.where('id', '=', account.personId)
			.executeTakeFirstOrThrow()
	]);
	return { activities, calendar, author: displayName(namesOf(author)) };
}

/** Lets the requests that arrived meanwhile run (better-sqlite3 and the planner never yield). */
const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Applies one reservation mutation exactly once, part after part (a saisie groupée heavier than
 * MAX_TRANSACTION_WEIGHT is cut into parts of whole days), letting other requests run between
 * two parts. Its days are expanded only once its persons are known to be the household's.
 */
async function applyReservation(
	deps: AppDeps,
	account: CurrentAccount,
	ref: Reference,
	mutation: AgendaMutation
): Promise<MutationResult> {
	let work: { changes: Change[]; parts: Change[][] } | undefined;
	const expand = () => {
		if (!work) {
			const changes = changesOf(mutation);
			work = { changes, parts: dayChunks(changes, MAX_TRANSACTION_WEIGHT) };
		}
		return work;
	};
	for (;;) {
		const result = await applyPart(deps, account, ref, mutation, expand);
		if (result) return result;
		await letOthersRun();
	}
}

/**
 * The agenda's kinds (bookings, cancellations, saisies groupées). Its reference data (activities,
 * calendar, the author's name) is read once per push, and only by a push that carries one.
 */
export const agendaMutations: MutationHandler<AgendaKind> = {
	kinds: AGENDA_KINDS,
	async apply(deps, account, mutation, push) {
		const ref = await push.once('agenda.reference', () => loadReference(deps.db, account));
		return applyReservation(deps, account, ref, mutation);
	}
};
