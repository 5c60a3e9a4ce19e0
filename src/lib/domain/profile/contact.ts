import { z } from 'zod';

export const PHONE_KINDS = ['fixe', 'portable', 'professionnel'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];
export const PHONE_LABELS: Record<PhoneKind, string> = {
	fixe: 'Téléphone fixe',
	portable: 'Téléphone portable',
	professionnel: 'Téléphone professionnel'
};

/**
 * A French number as people type it ("06 06 06 06 06", "06.06.06.06.06", "+33 6 06 06 06 06")
 * → its ten digits, or null when it is not one. Mobiles start 06/07, landlines 01–05 or 09.
 */
export function normalizeFrenchPhone(input: string): string | null {
	const compact = input.replace(/[\s.\-()]/g, '');
	const national = compact.replace(/^(?:\+33|0033)(\d{9})$/, '0$1');
	return /^0[1-9]\d{8}$/.test(national) ? national : null;
}

/** 0606060606 → 06.06.06.06.06, the manual's display. */
export function formatPhone(digits: string): string {
	return digits.replace(/(\d{2})(?=\d)/g, '$1.');
}

const phoneField = (kind: PhoneKind) =>
	z
		.string()
		.trim()
		.optional()
		.transform((value, ctx) => {
			if (!value) return null;
			const digits = normalizeFrenchPhone(value);
			if (!digits) {
				ctx.addIssue({
					code: 'custom',
					message: 'Numéro invalide : dix chiffres (exemple : 06 12 34 56 78).'
				});
				return z.NEVER;
			}
			if (kind === 'portable' && !/^0[67]/.test(digits)) {
				ctx.addIssue({ code: 'custom', message: 'Un portable commence par 06 ou 07.' });
				return z.NEVER;
			}
			if (kind === 'fixe' && !/^0[1-59]/.test(digits)) {
				ctx.addIssue({ code: 'custom', message: 'Un fixe commence par 01 à 05 ou 09.' });
				return z.NEVER;
			}
			return digits;
		});

/** "Mes informations de contact": the three phones, an empty field removes that number. */
export const phonesSchema = z.object({
	fixe: phoneField('fixe'),
	portable: phoneField('portable'),
	professionnel: phoneField('professionnel')
});
export type PhonesInput = z.input<typeof phonesSchema>;
export type Phones = z.output<typeof phonesSchema>;
