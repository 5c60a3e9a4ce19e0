import { z } from 'zod';
import { bulkWeight, MAX_MUTATION_WEIGHT, MAX_PUSH_MUTATIONS } from './push-budget.ts';

/**
 * The sync protocol's shapes. A mutation kind whose payload changes gets a new name (…v2) and the
 * server keeps accepting the old one while clients may still send it; SYNC_SCHEMA_VERSION rises
 * when an old client can no longer be served, and such a client is told to reload.
 */
export const SYNC_SCHEMA_VERSION = 1;

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

export const mutationSchema = z.discriminatedUnion('kind', [
	z.object({
		id: z.uuid(),
		kind: z.literal('reservation.create.v1'),
		createdAt: z.iso.datetime(),
		payload: reservationPayload
	}),
	z.object({
		id: z.uuid(),
		kind: z.literal('reservation.cancel.v1'),
		createdAt: z.iso.datetime(),
		payload: reservationPayload
	}),
	z.object({
		id: z.uuid(),
		kind: z.literal('reservation.bulk.v1'),
		createdAt: z.iso.datetime(),
		payload: bulkPayloadSchema
	})
]);
export type Mutation = z.infer<typeof mutationSchema>;
export type MutationKind = Mutation['kind'];

export const pushRequestSchema = z.object({
	schemaVersion: z.int(),
	mutations: z
		.array(z.unknown())
		.max(MAX_PUSH_MUTATIONS, `Au plus ${MAX_PUSH_MUTATIONS} modifications à la fois.`)
});

export type BulkSkip = { personId: number; date: string; activityCode: string; code: string; reason: string };
export type BulkSummary = { booked: number; cancelled: number; skipped: BulkSkip[] };

/** The server's answer for one mutation: applied (with its result), or rejected with why. */
export type MutationResult =
	| { id: string; status: 'applied'; summary?: BulkSummary }
	| { id: string; status: 'rejected'; code: string; reason: string };

export type PushResponse = { results: MutationResult[]; version: number };
