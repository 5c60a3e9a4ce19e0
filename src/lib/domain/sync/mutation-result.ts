import { summarize, type Change, type RefusedChange } from '../agenda/planner.ts';
import {
	mutationSchema,
	TOO_HEAVY,
	type AgendaMutation,
	type BulkSummary,
	type Mutation,
	type MutationResult
} from './protocol.ts';
import { DAY_CHANGE_BUDGET } from './push-budget.ts';

/**
 * What the server answers for each mutation, once it has decided: the same words whoever decides
 * (the real push, or the fake server the sync engine is tested against).
 */

const UNREADABLE = 'Modification illisible : elle a été ignorée.';
/** Longer than any id this portal makes (a UUID): anything longer is not echoed back. */
const MAX_ECHOED_ID = 64;
const number = new Intl.NumberFormat('fr-FR');

export type Reading = { mutation: Mutation } | { result: MutationResult };

/**
 * A mutation checked against its kind's schema, or the answer for one that cannot be applied.
 * Hostile shapes are ordinary input here: the id is echoed back only when it is a short string
 * (never converted: an array nested a million deep overflows the stack of `String()`).
 */
export function readMutation(item: unknown): Reading {
	const parsed = mutationSchema.safeParse(item);
	if (parsed.success) return { mutation: parsed.data };
	const raw = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
	const id = typeof raw === 'string' && raw.length <= MAX_ECHOED_ID ? raw : '';
	const heavy = parsed.error.issues.find((i) => i.code === 'custom' && i.params?.code === TOO_HEAVY);
	if (heavy) return { result: { id, status: 'rejected', code: TOO_HEAVY, reason: heavy.message } };
	return { result: { id, status: 'rejected', code: 'illisible', reason: UNREADABLE } };
}

/** The persons a mutation names: all of them must have an agenda in the household. */
export function namedPersons(mutation: AgendaMutation): number[] {
	return mutation.kind === 'reservation.bulk.v1' ? mutation.payload.personIds : [mutation.payload.personId];
}

/** Checked before a saisie groupée is expanded into days: another household's child costs nothing. */
export function unknownPersonResult(
	mutation: AgendaMutation,
	agendaPersons: Set<number>
): MutationResult | null {
	if (namedPersons(mutation).every((id) => agendaPersons.has(id))) return null;
	return {
		id: mutation.id,
		status: 'rejected',
		code: 'introuvable',
		reason: "Cette personne n'a pas d'agenda dans votre foyer."
	};
}

/** The refusal code of a mutation beyond the household's budget of the day (push-budget.ts). */
export const OVER_DAY_BUDGET = 'limite-du-jour';

/**
 * A mutation of `weight` day changes when only `left` remain in the household's budget of the
 * day: rejected, with what to do, so that nothing a parent asked for disappears silently. Without a
 * colon: the page shows it as the end of "Réservation du … refusée : …" (agenda-labels.ts).
 */
export function overDayBudgetResult(id: string, weight: number, left: number): MutationResult {
	const allowed = `${number.format(DAY_CHANGE_BUDGET)} changements de réservation permis par jour`;
	const reason =
		left <= 0
			? `La limite du jour est atteinte, votre foyer a déjà demandé aujourd'hui les ${allowed}. ` +
				"Cette modification n'a pas été enregistrée ; refaites-la demain."
			: `La limite du jour est atteinte, cette modification demande ${number.format(weight)} changements ` +
				`de réservation et il n'en reste que ${number.format(left)} aujourd'hui à votre foyer, sur les ` +
				`${allowed}. Elle n'a pas été enregistrée ; refaites-la demain, ou choisissez une période ` +
				'plus courte.';
	return { id, status: 'rejected', code: OVER_DAY_BUDGET, reason };
}

/** An id already applied for another household: refused, and its answer never shown. */
export function idTakenResult(id: string): MutationResult {
	return { id, status: 'rejected', code: 'conflit', reason: 'Identifiant de modification déjà utilisé.' };
}

/**
 * The answer for a mutation the planner decided: a saisie groupée is applied with its summary
 * (what was done, each day skipped and why; `summary` when it was decided in parts); a single
 * booking or cancellation is applied, or rejected with the reason of its one change.
 */
export function planResult(
	mutation: Pick<Mutation, 'id' | 'kind'>,
	plan: { accepted: Change[]; refused: RefusedChange[] },
	summary: BulkSummary = summarize(plan)
): MutationResult {
	if (mutation.kind === 'reservation.bulk.v1') return { id: mutation.id, status: 'applied', summary };
	const refused = plan.refused[0];
	if (refused) return { id: mutation.id, status: 'rejected', code: refused.code, reason: refused.reason };
	return { id: mutation.id, status: 'applied' };
}

/** The refusal code of a kind this server reads but no domain applies yet. */
export const UNHANDLED_KIND = 'non-pris-en-charge';

/**
 * A kind the protocol reads but no handler owns on this server: answered, never dropped, so the
 * parent sees it rather than waiting for ever.
 */
export function unhandledKindResult(id: string): MutationResult {
	return {
		id,
		status: 'rejected',
		code: UNHANDLED_KIND,
		reason: "Le portail ne sait pas encore traiter ce type de modification : elle n'a pas été enregistrée."
	};
}
