import { z } from 'zod';
import { REQUIRED } from '../forms/field-errors.ts';
import { foldForSearch } from '../text/normalize.ts';

const bounded = (max: number) => z.string().trim().max(max, `${max} caractères au maximum.`);
const required = (max: number) => bounded(max).min(1, REQUIRED);
const optional = (max: number) =>
	bounded(max)
		.optional()
		.transform((v) => (v ? v : null));

/** French postal codes: 5 digits, département prefix 01–95 or overseas 97/98. */
export const FRENCH_POSTAL_CODE = /^(?:0[1-9]|[1-8]\d|9[0-5]|97|98)\d{3}$/;

/** "Ajouter une adresse", field for field as the manual's dialog. */
/**
 * A household's named addresses ("Maison", "Travail", a grandparent's…): a few at most. Bounded
 * so that one household cannot make its profile, read at every visit, grow without end.
 */
export const MAX_ADDRESSES = 10;
export const TOO_MANY_ADDRESSES = `Vous avez déjà ${MAX_ADDRESSES} adresses : supprimez-en une avant d’en ajouter une autre.`;

export const addressSchema = z
	.object({
		name: required(60),
		country: required(60),
		city: required(80),
		postalCode: required(10),
		streetNumber: optional(10),
		numberComplement: optional(10),
		street: required(120),
		streetComplement: optional(120),
		isDefault: z.boolean().default(false)
	})
	.superRefine((a, ctx) => {
		if (a.country.toLowerCase() === 'france' && !FRENCH_POSTAL_CODE.test(a.postalCode)) {
			ctx.addIssue({
				code: 'custom',
				path: ['postalCode'],
				message: 'Code postal invalide : cinq chiffres, d’un département français (exemple : 62360).'
			});
		}
	})
	.transform((a) => ({ ...a, city: a.city.toUpperCase() }));
export type AddressInput = z.input<typeof addressSchema>;

/**
 * Two addresses of a household may not share a name: each one's "Modifier" and "Supprimer" are
 * told apart by it, on the page and to a screen reader. Names match as a person reads them: case,
 * accents and hyphens ignored ("Chez les Grands-Parents" is "chez les grands parents").
 */
export const sameAddressName = (a: string, b: string): boolean => foldForSearch(a) === foldForSearch(b);
export const addressNameTaken = (name: string): string => `Vous avez déjà une adresse nommée « ${name} ».`;
export type Address = z.output<typeof addressSchema>;
