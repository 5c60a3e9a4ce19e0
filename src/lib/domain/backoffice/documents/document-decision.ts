import { z } from 'zod';

export const MAX_REFUSAL_REASON = 500;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: 2026-02-30 is refused, not rolled into March. */
function isCalendarDay(day: string): boolean {
	const date = new Date(`${day}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/**
 * An agent's decision on a justificatif: Valide with its expiry (null: for good, a livret de
 * famille), or Invalide with the reason the family will read.
 */
export const documentDecisionSchema = z.discriminatedUnion('statut', [
	z.object({
		statut: z.literal('valide'),
		expiresOn: z
			.string()
			.regex(ISO_DAY, 'Indiquez une date au format JJ/MM/AAAA.')
			.refine(isCalendarDay, 'Cette date n’existe pas.')
			.nullable()
	}),
	z.object({
		statut: z.literal('invalide'),
		motif: z
			.string()
			.max(MAX_REFUSAL_REASON * 2, `Le motif ne peut dépasser ${MAX_REFUSAL_REASON} caractères.`)
			.trim()
			.min(1, 'Indiquez le motif du refus : la famille le lira.')
			.max(MAX_REFUSAL_REASON, `Le motif ne peut dépasser ${MAX_REFUSAL_REASON} caractères.`)
	})
]);
export type DocumentDecision = z.infer<typeof documentDecisionSchema>;

export const PAST_EXPIRY = 'La date de fin de validité ne peut pas être passée.';

/** A valid document ending before today would be expired at once: refused, beside the field. */
export function expiryRefusal(decision: DocumentDecision, today: string): Record<string, string> | null {
	if (decision.statut === 'valide' && decision.expiresOn !== null && decision.expiresOn < today)
		return { expiresOn: PAST_EXPIRY };
	return null;
}
