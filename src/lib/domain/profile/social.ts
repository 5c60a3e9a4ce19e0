import { z } from 'zod';

export const REGIMES = ['Régime général', 'MSA (régime agricole)', 'Autre régime', 'Aucun'] as const;

/** Euros as typed ("25 000", "1 234,50") → integer cents; empty → null. */
const euros = z
	.string()
	.trim()
	.optional()
	.transform((value, ctx) => {
		if (!value) return null;
		const normalized = value.replace(/[\s\u202f€]/g, '').replace(',', '.');
		if (!/^\d{1,9}(\.\d{1,2})?$/.test(normalized)) {
			ctx.addIssue({ code: 'custom', message: 'Montant en euros invalide (exemple : 25 000 ou 1 234,50).' });
			return z.NEVER;
		}
		return Math.round(Number(normalized) * 100);
	});

/**
 * Integer cents → euros as a person types them, for a field to change: 2850050 → "28 500,50",
 * 2500000 → "25 000" (no cents when there are none); null → "". Read back by the schema as typed.
 */
export function eurosAsTyped(cents: number | null): string {
	if (cents === null) return '';
	const whole = Math.floor(Math.abs(cents) / 100)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
	const rest = Math.abs(cents) % 100;
	return `${cents < 0 ? '-' : ''}${whole}${rest ? `,${String(rest).padStart(2, '0')}` : ''}`;
}

const count = (max: number, message: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((value, ctx) => {
			if (!value) return null;
			if (!/^\d+$/.test(value) || Number(value) > max) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return Number(value);
		});

/** "Mes données sociales": every field may stay "Non renseigné". */
export const socialSchema = z.object({
	regime: z
		.enum([...REGIMES, ''], { error: 'Choisissez un régime dans la liste.' })
		.optional()
		.transform((v) => v || null),
	revenuFiscalReference: euros,
	enfantsACharge: count(20, 'Nombre entre 0 et 20.'),
	numeroAllocataire: z
		.string()
		.trim()
		.optional()
		.transform((value, ctx) => {
			if (!value) return null;
			if (!/^\d{4,10}$/.test(value)) {
				ctx.addIssue({ code: 'custom', message: 'Le numéro d’allocataire compte de 4 à 10 chiffres.' });
				return z.NEVER;
			}
			return value;
		}),
	quotient: count(100000, 'Nombre entier positif.'),
	ressourcesMensuelles: euros,
	compositionFamiliale: z
		.string()
		.trim()
		.max(80, '80 caractères au maximum.')
		.optional()
		.transform((v) => v || null),
	quotientFamilial: count(100000, 'Nombre entier positif.')
});
export type SocialInput = z.input<typeof socialSchema>;
export type Social = z.output<typeof socialSchema>;
