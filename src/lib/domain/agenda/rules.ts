import type { ActivityDefinition } from './activities.ts';
import { dayKind, type TownCalendar } from './calendar.ts';
import { addDays } from './dates.ts';
import { formatParisDateTime, parisDate, parisWallTime } from './paris-time.ts';

/** The fiche enfant's sessions, and the activity groups each one opens to booking. */
export const SESSION_GROUPS: Record<string, string[]> = {
	'restauration-scolaire': ['restauration-scolaire'],
	garderie: ['garderie-matin', 'garderie-soir'],
	'centre-de-loisirs': ['centre-de-loisirs']
};

/**
 * `reason` is one sentence without a colon: the card shows it alone, and a refusal from the server
 * reads "Réservation du … refusée : <reason>" (first letter lowered).
 */
export type Refusal = { code: RefusalCode; reason: string };
export type RefusalCode =
	'ferme' | 'non-inscrit' | 'delai-depasse' | 'deja-reserve' | 'non-reserve' | 'complet' | 'conflit';

/** Booking and cancelling close the day before the service, at the activity's hour, Paris time. */
export function deadlineFor(activity: Pick<ActivityDefinition, 'deadlineHour'>, date: string): Date {
	return parisWallTime(addDays(date, -1), activity.deadlineHour);
}

/** Whether the activity runs that day (school days, or leisure days for the centre de loisirs). */
export function runsOn(
	activity: Pick<ActivityDefinition, 'runsOn'>,
	calendar: TownCalendar,
	date: string
): boolean {
	const kind = dayKind(calendar, date);
	if (kind.open === false) return false;
	return activity.runsOn === 'school_days' ? kind.open === 'school' : kind.open === 'leisure';
}

const dayLabel = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}`;

/** What the server (and the browser, offline) knows of a child's day when checking a change. */
export type DayContext = {
	activity: ActivityDefinition;
	date: string;
	calendar: TownCalendar;
	now: Date;
	/** The child's sessions from the accepted fiche enfant. */
	sessions: string[];
	/** Activity codes the child already has that day. */
	bookedThatDay: string[];
	/** Bookings of this activity that day, all children (for capacity). */
	bookedCount: number;
	allActivities: ActivityDefinition[];
};

/** Rules common to booking and cancelling: open day, enrolment, "jamais le jour même", deadline. */
function commonRefusal(c: DayContext): Refusal | null {
	if (!runsOn(c.activity, c.calendar, c.date)) {
		return {
			code: 'ferme',
			reason: `Pas de ${c.activity.groupLabel.toLowerCase()} le ${dayLabel(c.date)} (service fermé ce jour-là).`
		};
	}
	const enrolled = c.sessions.some((s) => (SESSION_GROUPS[s] ?? []).includes(c.activity.groupCode));
	if (!enrolled) {
		return {
			code: 'non-inscrit',
			reason: `L'enfant n'est pas inscrit à l'activité « ${c.activity.groupLabel} » (inscription par la fiche enfant).`
		};
	}
	const deadline = deadlineFor(c.activity, c.date);
	if (c.date <= parisDate(c.now) || c.now.getTime() >= deadline.getTime()) {
		return {
			code: 'delai-depasse',
			reason: `La date limite est dépassée depuis le ${formatParisDateTime(deadline)}.`
		};
	}
	return null;
}

/** Groups with one booking per child and day at most (the morning garderie, free or paid). */
const EXCLUSIVE_GROUPS = ['garderie-matin'];

/** Null when the child may book `activity` that day; otherwise the code and the French reason. */
export function bookingRefusal(c: DayContext): Refusal | null {
	const common = commonRefusal(c);
	if (common) return common;
	if (c.bookedThatDay.includes(c.activity.code)) {
		return { code: 'deja-reserve', reason: `Déjà réservé le ${dayLabel(c.date)}.` };
	}
	if (EXCLUSIVE_GROUPS.includes(c.activity.groupCode)) {
		const other = c.allActivities.find(
			(a) =>
				a.groupCode === c.activity.groupCode && a.code !== c.activity.code && c.bookedThatDay.includes(a.code)
		);
		if (other) {
			return {
				code: 'conflit',
				reason: `« ${other.label} » est déjà réservée le ${dayLabel(c.date)} (une seule ${c.activity.groupLabel.toLowerCase()} par jour).`
			};
		}
	}
	if (c.activity.capacity !== null && c.bookedCount >= c.activity.capacity) {
		return { code: 'complet', reason: `« ${c.activity.label} » est complet le ${dayLabel(c.date)}.` };
	}
	return null;
}

/** Null when the child's booking may be cancelled; otherwise why not. */
export function cancellationRefusal(c: DayContext): Refusal | null {
	// A closed day says "fermé" rather than "nothing to cancel" (the saisie groupée's summary).
	if (!runsOn(c.activity, c.calendar, c.date) && !c.bookedThatDay.includes(c.activity.code))
		return commonRefusal(c);
	if (!c.bookedThatDay.includes(c.activity.code)) {
		return { code: 'non-reserve', reason: `Aucune réservation à annuler le ${dayLabel(c.date)}.` };
	}
	return commonRefusal(c);
}
