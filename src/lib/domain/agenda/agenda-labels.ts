import type { BulkSummary, MutationKind } from '../sync/protocol.ts';
import type { ActivityDefinition } from './activities.ts';
import { longDay } from './agenda-format.ts';
import type { ActivityState, DayColour } from './agenda-view.ts';
import type { RefusalCode } from './rules.ts';
import type { AgendaPerson } from './snapshot.ts';

/**
 * Every word the agenda shows for a state, in one place: the day's activities, the month grid and
 * its legend, the saisie groupée's summary. Colour is never the only signal, so each colour has
 * its words and its mark.
 */

/** An activity of one day, as the parent's card says it. */
export const ACTIVITY_STATE_LABELS: Record<ActivityState, string> = {
	reserve: 'Réservé',
	'attente-reservation': 'Réservation en attente d’envoi',
	'attente-annulation': 'Annulation en attente d’envoi',
	reservable: 'Réservable',
	ferme: 'Pas de service',
	'non-inscrit': 'Non inscrit',
	'delai-depasse': 'Délai dépassé',
	complet: 'Complet',
	conflit: 'Une autre garderie du matin est réservée',
	'deja-reserve': 'Réservé',
	'non-reserve': 'Non réservé'
};

/**
 * The manual's colour code: vert, gris, jaune, rouge, bleu. Each colour also has its own picture
 * (Icon, named as the colour), so it can be told without seeing colours.
 */
export const DAY_COLOURS: Record<DayColour, { label: string; legend: string }> = {
	reservable: { label: 'Réservable', legend: 'Vert : réservable' },
	ferme: { label: 'Pas de service', legend: 'Gris : pas de service' },
	aujourdhui: { label: "Aujourd'hui", legend: "Jaune : aujourd'hui" },
	reserve: { label: 'Réservé', legend: 'Rouge : réservé' },
	'reserve-aujourdhui': { label: 'Réservation du jour', legend: 'Bleu : réservation du jour' }
};
/** A day with a change not yet sent (its picture: the hourglass). */
export const PENDING_LEGEND = 'En attente d’envoi à la mairie';

/** Why a saisie groupée left out one booking (a person, a day, an activity). */
export const REFUSAL_LABELS: Record<RefusalCode, string> = {
	ferme: 'pas de service ce jour-là',
	'non-inscrit': 'non inscrit',
	'delai-depasse': 'délai dépassé',
	'deja-reserve': 'déjà réservé',
	'non-reserve': 'pas de réservation à annuler',
	complet: 'complet',
	conflit: 'déjà une autre garderie ce matin-là'
};

export function refusalLabel(code: string): string {
	return REFUSAL_LABELS[code as RefusalCode] ?? code;
}

const plural = (n: number, word: string) => (n > 1 ? `${word}s` : word);

/**
 * "12 réservations créées, 4 ignorées.": a saisie groupée counts bookings (one person, one day,
 * one activity each), not days.
 */
export function bulkSummaryText(summary: BulkSummary, action: 'creer' | 'supprimer'): string {
	const done: string[] = [];
	if (summary.booked > 0)
		done.push(
			`${summary.booked} ${plural(summary.booked, 'réservation')} ${plural(summary.booked, 'créée')}`
		);
	if (summary.cancelled > 0)
		done.push(
			`${summary.cancelled} ${plural(summary.cancelled, 'réservation')} ${plural(summary.cancelled, 'annulée')}`
		);
	if (done.length === 0)
		done.push(action === 'creer' ? 'Aucune réservation créée' : 'Aucune réservation annulée');
	const skipped = summary.skipped.length;
	if (skipped > 0) done.push(`${skipped} ${plural(skipped, 'ignorée')}`);
	return `${done.join(', ')}.`;
}

/** What a refusal can name: the snapshot's activities and the household's children. */
export type RefusalNames = {
	activities: Pick<ActivityDefinition, 'code' | 'groupLabel' | 'label'>[];
	persons: Pick<AgendaPerson, 'id' | 'prenom'>[];
};

/** "Garderie matin payante", "Restauration scolaire (Repas de midi)": the activity as a parent knows it. */
function activityName(a: RefusalNames['activities'][number]): string {
	return a.label.startsWith(a.groupLabel) ? a.label : `${a.groupLabel} (${a.label})`;
}

/** "de Garderie…", "d’Étude…": French elides "de" before a vowel or a mute h. */
const of = (name: string) => (/^[aeiouyhàâäéèêëîïôöùûü]/i.test(name) ? `d’${name}` : `de ${name}`);

/**
 * "Réservation de Garderie matin payante pour Tim du mardi 1er décembre 2026 refusée : la date
 * limite est dépassée depuis le …": what the town hall refused (on a day of five activities, which
 * one; in a household of several children, whose), then its reason as the rest of the sentence (a
 * reason has no colon). Without the snapshot, or for a code it no longer lists, the day alone.
 */
export function refusalSentence(
	kind: MutationKind,
	payload: unknown,
	reason: string,
	names?: RefusalNames
): string {
	const p = (payload ?? {}) as {
		date?: string;
		from?: string;
		to?: string;
		personId?: number;
		activityCode?: string;
	};
	const activity = names?.activities.find((a) => a.code === p.activityCode);
	const person =
		(names?.persons.length ?? 0) > 1 ? names?.persons.find((x) => x.id === p.personId) : undefined;
	const which = (activity ? ` ${of(activityName(activity))}` : '') + (person ? ` pour ${person.prenom}` : '');
	const what =
		kind === 'reservation.create.v1'
			? `Réservation${which} du ${longDay(p.date ?? '')}`
			: kind === 'reservation.cancel.v1'
				? `Annulation${which} du ${longDay(p.date ?? '')}`
				: `Saisie groupée du ${longDay(p.from ?? '')} au ${longDay(p.to ?? '')}`;
	const rest = reason.replace(/^./, (c) => c.toLowerCase());
	return `${what} refusée : ${rest}`;
}
