import { z } from 'zod';
import { newAddressSchema } from './address.ts';
import {
	AUTORISATION_LABELS,
	MAX_OTHER_PERSONS,
	SESSION_CODES,
	SITUATIONS_FAMILIALES,
	type AutorisationCode
} from './fiche-enfant-lists.ts';
import {
	boundedList,
	emptyAsNull,
	optionalAddressRef,
	optionalPersonRef,
	personRef,
	onceParsed,
	optionalEmail,
	optionalPhone,
	optionalText,
	phone,
	text,
	yesNo
} from './fields.ts';
import { newAdultSchema, newChildSchema } from './new-person.ts';
import { SCHOOL_LEVELS, SCHOOLS } from './schools.ts';

const CHOOSE_ADDRESS = 'Choisissez une adresse dans la liste, ou ajoutez-en une avec « + ».';
const ONE_ADDRESS = 'Choisissez une adresse de la liste ou la nouvelle, pas les deux.';

/** Step 1, "Responsable du dossier". The address is one of the household's, or a new one in full. */
export const responsableStep = () =>
	z
		.object({
			responsable: personRef('Choisissez le responsable légal.'),
			autreSituation: yesNo,
			autreSituationPrecision: optionalText(200),
			situationFamiliale: z.enum(SITUATIONS_FAMILIALES, { error: 'Choisissez la situation familiale.' }),
			adresse: optionalAddressRef(CHOOSE_ADDRESS),
			nouvelleAdresse: newAddressSchema.nullable().default(null)
		})
		.superRefine(
			(r, ctx) => {
				if (!r.adresse && !r.nouvelleAdresse)
					ctx.addIssue({ code: 'custom', path: ['adresse'], message: CHOOSE_ADDRESS });
				if (r.adresse && r.nouvelleAdresse)
					ctx.addIssue({ code: 'custom', path: ['adresse'], message: ONE_ADDRESS });
				if (r.autreSituation === 'oui' && !r.autreSituationPrecision)
					ctx.addIssue({
						code: 'custom',
						path: ['autreSituationPrecision'],
						message: 'Précisez la situation (tutelle, foyer d’accueil…).'
					});
			},
			onceParsed('adresse', 'nouvelleAdresse', 'autreSituation', 'autreSituationPrecision')
		);

/** Step 2, "Conjoint": none, or the second parent in full (an adult of the household or not). */
export const conjointStep = (today: string) =>
	z.discriminatedUnion(
		'ajouter',
		[
			z.object({ ajouter: z.literal('non') }),
			newAdultSchema(today)
				.extend({
					ajouter: z.literal('oui'),
					personId: z.int().positive().nullable().default(null),
					telephonePortable: optionalPhone,
					telephoneFixe: optionalPhone,
					email: optionalEmail,
					memeAdresse: yesNo,
					adresse: newAddressSchema.nullable().default(null)
				})
				.superRefine(
					(c, ctx) => {
						if (c.memeAdresse === 'non' && !c.adresse)
							ctx.addIssue({ code: 'custom', path: ['adresse'], message: 'Indiquez l’adresse du conjoint.' });
					},
					onceParsed('memeAdresse', 'adresse')
				)
				.transform((c) => (c.memeAdresse === 'oui' ? { ...c, adresse: null } : c))
		],
		{ error: 'Répondez oui ou non.' }
	);

const inList = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
	emptyAsNull(z.enum(values, { error: message }));

/** Step 3, "Enfant": one child, chosen or added in full; sessions; PAI; school (optional). */
export const enfantStep = (today: string) =>
	z
		.object({
			enfant: optionalPersonRef('Choisissez l’enfant.'),
			nouvelEnfant: newChildSchema(today).nullable().default(null),
			sessions: boundedList(z.enum(SESSION_CODES, { error: 'Session inconnue.' }), 3, 'Session inconnue.')
				.refine((codes) => codes.length > 0, 'Cochez au moins une session.')
				// Kept in the list's order, once each, whatever order they were ticked in.
				.transform((codes) => SESSION_CODES.filter((code) => codes.includes(code))),
			pai: yesNo,
			etablissement: inList(SCHOOLS, 'Choisissez un établissement dans la liste.'),
			niveau: inList(SCHOOL_LEVELS, 'Choisissez un niveau dans la liste.')
		})
		.superRefine(
			(e, ctx) => {
				if (!e.enfant && !e.nouvelEnfant)
					ctx.addIssue({
						code: 'custom',
						path: ['enfant'],
						message: 'Choisissez l’enfant dans la liste, ou ajoutez-le avec « + ».'
					});
				if (e.enfant && e.nouvelEnfant)
					ctx.addIssue({
						code: 'custom',
						path: ['enfant'],
						message: 'Une fiche ne concerne qu’un seul enfant : choisissez-le dans la liste ou ajoutez-le.'
					});
			},
			onceParsed('enfant', 'nouvelEnfant')
		);

/** Step 4, "Autorisation globale": every authorisation answered. */
export const autorisationsStep = () =>
	z.object(
		Object.fromEntries(Object.keys(AUTORISATION_LABELS).map((code) => [code, yesNo])) as Record<
			AutorisationCode,
			typeof yesNo
		>
	);

const otherPerson = z
	.object({
		nom: text(80),
		prenom: text(80),
		lien: text(60),
		telephone: phone,
		contactUrgence: z.boolean().default(false),
		autoriseeChercher: z.boolean().default(false)
	})
	.superRefine((p, ctx) => {
		if (!p.contactUrgence && !p.autoriseeChercher)
			ctx.addIssue({
				code: 'custom',
				path: ['contactUrgence'],
				message:
					'Cochez au moins un rôle : à contacter en cas d’urgence, ou autorisée à venir chercher l’enfant.'
			});
	});
export type OtherPerson = z.output<typeof otherPerson>;

/** Step 5, "Autres personnes à contacter et/ou autorisées à venir chercher l'enfant": 0 to 10. */
export const autresPersonnesStep = () =>
	z.object({
		personnes: boundedList(otherPerson, MAX_OTHER_PERSONS, `${MAX_OTHER_PERSONS} personnes au plus.`).default(
			[]
		)
	});
