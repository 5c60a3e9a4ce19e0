import { formatEuros } from '../money/format.ts';
import { SESSION_LABELS } from '../profile/profile.ts';
import { SESSION_GROUPS } from './rules.ts';

/** A child's sessions before and after an edit: what he gains, what he loses. */
export function sessionChanges(before: readonly string[], after: readonly string[]) {
	return {
		added: after.filter((s) => !before.includes(s)),
		dropped: before.filter((s) => !after.includes(s))
	};
}

/**
 * The activity groups a child may no longer book once he keeps only `kept`: those of the dropped
 * sessions that no kept session still opens (their future bookings are then cancelled).
 */
export function lostGroups(dropped: readonly string[], kept: readonly string[]): string[] {
	const stillOpen = new Set(kept.flatMap((s) => SESSION_GROUPS[s] ?? []));
	return [...new Set(dropped.flatMap((s) => SESSION_GROUPS[s] ?? []))].filter((g) => !stillOpen.has(g));
}

/** One dropped session with the future days it had booked, all cancelled and refunded. */
export type SessionLoss = { session: string; days: number; refundedCents: number };

const daysLabel = (n: number) => (n === 1 ? '1 jour réservé' : `${n} jours réservés`);

/** One line per dropped session: "Restauration scolaire : 3 jours réservés annulés et remboursés (10,50 €)". */
export function lossLine(loss: SessionLoss): string {
	const label = SESSION_LABELS[loss.session] ?? loss.session;
	if (loss.days === 0) return `${label} : aucune réservation à venir.`;
	const annules = loss.days === 1 ? 'annulé et remboursé' : 'annulés et remboursés';
	return `${label} : ${daysLabel(loss.days)} ${annules} (${formatEuros(loss.refundedCents)}).`;
}

/** The town's message ("Information") telling the family which enrolments of the child ended. */
export function enrolmentLossMessage(child: string, losses: readonly SessionLoss[]): string {
	return [
		`L’inscription de ${child} aux activités suivantes a pris fin : les réservations à venir (après aujourd’hui) ont été annulées et leur montant recrédité sur votre compte.`,
		...losses.map((l) => `- ${lossLine(l)}`),
		'Les réservations passées et celles du jour sont conservées.'
	].join('\n');
}
