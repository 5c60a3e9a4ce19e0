import { z } from 'zod';
import { DEPARTEMENT, EARLIEST_BIRTH_YEAR, isFrance } from '../../accounts/identity.ts';
import { dateWithin, emptyAsNull, onceParsed, optionalText, text } from './fields.ts';

export const SEXES = ['garcon', 'fille'] as const;
export const SEXE_LABELS: Record<(typeof SEXES)[number], string> = { garcon: 'Garçon', fille: 'Fille' };

export const birthDate = (today: string) =>
	dateWithin(
		{
			day: `${EARLIEST_BIRTH_YEAR}-01-01`,
			message: `Année de naissance à vérifier : elle ne peut pas être avant ${EARLIEST_BIRTH_YEAR}.`
		},
		{ day: today, message: 'La date de naissance doit être passée.' }
	);

/** The département is asked for a birth in France only (as at registration), and must be one. */
function checkDepartement(
	v: { paysNaissance: string; departementNaissance: string | null },
	ctx: z.RefinementCtx
): void {
	if (!isFrance(v.paysNaissance)) return;
	const message = !v.departementNaissance
		? 'Obligatoire pour une naissance en France.'
		: DEPARTEMENT.test(v.departementNaissance)
			? null
			: 'Numéro de département invalide (exemple : 62, 2A, 974).';
	if (message) ctx.addIssue({ code: 'custom', path: ['departementNaissance'], message });
}

/** "Ajouter un enfant", the manual's dialog field for field. */
export const newChildSchema = (today: string) =>
	z
		.object({
			sexe: z.enum(SEXES, { error: 'Choisissez Garçon ou Fille.' }),
			nomNaissance: text(80),
			prenom: text(80),
			prenom2: optionalText(80),
			prenom3: optionalText(80),
			dateNaissance: birthDate(today),
			paysNaissance: text(80),
			communeNaissance: text(80),
			departementNaissance: optionalText(3)
		})
		.superRefine(checkDepartement, onceParsed('paysNaissance', 'departementNaissance'));
export type NewChild = z.output<ReturnType<typeof newChildSchema>>;

export const CIVILITES = ['Monsieur', 'Madame'] as const;

/** An adult written in full (a conjoint, a parent not yet in the household). */
export const newAdultSchema = (today: string) =>
	z.object({
		civilite: z.enum(CIVILITES, { error: 'Choisissez Monsieur ou Madame.' }),
		nomNaissance: text(80),
		nomUsage: optionalText(80),
		prenom: text(80),
		dateNaissance: emptyAsNull(birthDate(today))
	});
export type NewAdult = z.output<ReturnType<typeof newAdultSchema>>;

/** "DUPIN Tim" for a person written in full. */
export const newPersonLabel = (p: {
	nomNaissance: string;
	nomUsage?: string | null;
	prenom: string;
}): string => `${(p.nomUsage ?? p.nomNaissance).toUpperCase()} ${p.prenom}`;
