import { z } from 'zod';
import { bulkWeight, MAX_MUTATION_WEIGHT } from '../sync/push-budget.ts';

/**
 * The agenda's mutation kinds, as the outbox sends them (POST /api/sync/push): a booking, a
 * cancellation, a saisie groupée. The protocol's mutationSchema is composed of every domain's
 * list (src/lib/domain/sync/protocol.ts); the server's agenda handler applies these kinds.
 */

const isoDate = z.iso.date({ error: 'Date invalide.' });
const reservationPayload = z.object({
	personId: z.int().positive(),
	activityCode: z.string().min(1).max(60),
	date: isoDate
});

/** The refusal code of a saisie groupée over MAX_MUTATION_WEIGHT (see push-budget.ts). */
export const TOO_HEAVY = 'trop-volumineux';
const number = new Intl.NumberFormat('fr-FR');

function tooHeavy(v: Parameters<typeof bulkWeight>[0] & { action: 'creer' | 'supprimer' }): string {
	const days = bulkWeight(v) / (v.personIds.length * v.activityCodes.length);
	const what = v.action === 'creer' ? 'réservations' : 'annulations';
	const plural = (n: number, word: string) => `${number.format(n)} ${word}${n > 1 ? 's' : ''}`;
	return (
		`Trop de jours à la fois : ${plural(v.personIds.length, 'usager')} × ` +
		`${plural(v.activityCodes.length, 'activité')} × ${plural(days, 'jour')} font ` +
		`${number.format(bulkWeight(v))} ${what}, au plus ${number.format(MAX_MUTATION_WEIGHT)} par saisie ` +
		"groupée. Raccourcissez la période ou choisissez moins d'usagers ou d'activités."
	);
}

export const bulkPayloadSchema = z
	.object({
		// Bounded and without repeats: a household has a few children and the town a few activities.
		personIds: z
			.array(z.int().positive())
			.min(1, 'Choisissez au moins un usager.')
			.max(10)
			.refine((ids) => new Set(ids).size === ids.length, 'Un usager est choisi deux fois.'),
		action: z.enum(['creer', 'supprimer'], { error: 'Choisissez Créer ou Supprimer.' }),
		from: isoDate,
		to: isoDate,
		activityCodes: z
			.array(z.string().min(1).max(60))
			.min(1, 'Choisissez au moins une activité.')
			.max(10)
			.refine((codes) => new Set(codes).size === codes.length, 'Une activité est choisie deux fois.'),
		periodicity: z.enum(['aucune', 'hebdomadaire', 'une-semaine-sur-deux']),
		weekdays: z.array(z.int().min(0).max(4)).max(5)
	})
	.superRefine((v, ctx) => {
		if (v.to < v.from)
			ctx.addIssue({ code: 'custom', path: ['to'], message: 'La fin doit suivre le début de la période.' });
		else if (Date.parse(v.to) - Date.parse(v.from) > 400 * 86400000) {
			ctx.addIssue({
				code: 'custom',
				path: ['to'],
				message: 'La période ne peut dépasser une année scolaire.'
			});
		} else if (bulkWeight(v) > MAX_MUTATION_WEIGHT) {
			ctx.addIssue({
				code: 'custom',
				path: ['to'],
				message: tooHeavy(v),
				params: { code: TOO_HEAVY }
			});
		}
	});
export type BulkPayload = z.infer<typeof bulkPayloadSchema>;

const mutation = <K extends string, P extends z.ZodType>(kind: K, payload: P) =>
	z.object({ id: z.uuid(), kind: z.literal(kind), createdAt: z.iso.datetime(), payload });

export const agendaMutationSchemas = [
	mutation('reservation.create.v1', reservationPayload),
	mutation('reservation.cancel.v1', reservationPayload),
	mutation('reservation.bulk.v1', bulkPayloadSchema)
] as const;

export const AGENDA_KINDS = [
	'reservation.create.v1',
	'reservation.cancel.v1',
	'reservation.bulk.v1'
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** Whether an outbox item or an outcome is the agenda's (the agenda screen shows only those). */
export const isAgendaKind = (kind: string): kind is AgendaKind =>
	(AGENDA_KINDS as readonly string[]).includes(kind);
