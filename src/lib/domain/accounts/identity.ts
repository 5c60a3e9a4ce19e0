import { z } from 'zod';
import { REQUIRED } from '../forms/field-errors.ts';
import { boundedString, tooLong } from './bounded-text.ts';
import { CIVILITES, isFrance } from './identity-choices.ts';

export { CIVILITES, isFrance };

// Raw lengths are bounded before trimming (see boundedString).
const requiredText = (max = 80) => boundedString(max).trim().min(1, REQUIRED).max(max, tooLong(max));
const optionalText = (max = 80) =>
	boundedString(max)
		.trim()
		.max(max, tooLong(max))
		.optional()
		.transform((v) => (v ? v : undefined));

export const emailSchema = boundedString(254, 'Adresse trop longue.')
	.trim()
	.min(1, REQUIRED)
	.max(254, 'Adresse trop longue.')
	.pipe(z.email({ error: 'Adresse électronique invalide (exemple : nom@exemple.fr).' }))
	.transform((v) => v.toLowerCase());

/** Nobody born before it is alive to open an account or be enrolled: a year before is a typo. */
export const EARLIEST_BIRTH_YEAR = 1900;
const INVALID_DATE = 'Date invalide (jour / mois / année, exemple : 01 / 01 / 1971).';

/**
 * Day / month / year as three fields (the manual's form), checked as one real date from 1900 and
 * not after `today` (the Paris day, given so the server decides with its own clock: see parisDate).
 * The parts are trimmed here, once their raw length is known to be small, so every problem is
 * told on the date as a whole.
 */
export const birthDateSchema = (today: string) =>
	z.object({ jour: z.string(), mois: z.string(), annee: z.string() }).transform((raw, ctx) => {
		if ([raw.jour, raw.mois, raw.annee].some((part) => part.length > 16)) {
			ctx.addIssue({ code: 'custom', message: INVALID_DATE });
			return z.NEVER;
		}
		const d = { jour: raw.jour.trim(), mois: raw.mois.trim(), annee: raw.annee.trim() };
		if (!d.jour || !d.mois || !d.annee) {
			ctx.addIssue({ code: 'custom', message: REQUIRED });
			return z.NEVER;
		}
		const [day, month, year] = [Number(d.jour), Number(d.mois), Number(d.annee)];
		const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
		const date = new Date(`${iso}T00:00:00Z`);
		const valid =
			/^\d{1,2}$/.test(d.jour) &&
			/^\d{1,2}$/.test(d.mois) &&
			/^\d{4}$/.test(d.annee) &&
			!Number.isNaN(date.getTime()) &&
			date.getUTCDate() === day &&
			date.getUTCMonth() + 1 === month;
		if (!valid) {
			ctx.addIssue({ code: 'custom', message: INVALID_DATE });
			return z.NEVER;
		}
		if (year < EARLIEST_BIRTH_YEAR) {
			ctx.addIssue({
				code: 'custom',
				message: `Année de naissance à vérifier : elle ne peut pas être avant ${EARLIEST_BIRTH_YEAR}.`
			});
			return z.NEVER;
		}
		if (iso > today) {
			ctx.addIssue({ code: 'custom', message: 'La date de naissance doit être passée.' });
			return z.NEVER;
		}
		return iso;
	});

/** 01–95, 2A, 2B, or 971–976 (overseas). */
export const DEPARTEMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2[ab]|97[1-6])$/i;

/** The département is asked for a birth in France only, and must be one. */
function checkDepartement(
	v: { paysNaissance: string; departementNaissance?: string | undefined },
	ctx: z.RefinementCtx
): void {
	if (!isFrance(v.paysNaissance)) return;
	if (!v.departementNaissance) {
		ctx.addIssue({
			code: 'custom',
			path: ['departementNaissance'],
			message: 'Obligatoire pour une naissance en France.'
		});
	} else if (!DEPARTEMENT.test(v.departementNaissance)) {
		ctx.addIssue({
			code: 'custom',
			path: ['departementNaissance'],
			message: 'Numéro de département invalide (exemple : 62, 2A, 974).'
		});
	}
}

/**
 * zod runs an object's refinement only once every field parsed, unless told `when`: this one runs
 * as soon as the fields it reads did, so every problem shows at the first press, not at the next.
 */
const onceParsed = (...fields: string[]) => ({
	when: (payload: z.core.ParsePayload) =>
		!payload.issues.some((issue) => fields.includes(String(issue.path?.[0])))
});

/** Step "1 - Identité" of "Création de compte particulier"; `today` is `YYYY-MM-DD`. */
export const identitySchema = (today: string) =>
	z
		.object({
			civilite: z.enum(CIVILITES, { error: 'Choisissez Monsieur ou Madame.' }),
			nomNaissance: requiredText(),
			prenom: requiredText(),
			prenom2: optionalText(),
			prenom3: optionalText(),
			dateNaissance: birthDateSchema(today),
			paysNaissance: requiredText(),
			communeNaissance: requiredText(),
			departementNaissance: optionalText(3),
			email: emailSchema
		})
		.superRefine(checkDepartement, onceParsed('paysNaissance', 'departementNaissance'));

export type IdentityInput = z.input<ReturnType<typeof identitySchema>>;
export type Identity = z.output<ReturnType<typeof identitySchema>>;
