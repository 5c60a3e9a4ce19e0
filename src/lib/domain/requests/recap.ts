/**
 * "Informations de la demande": a demande's answers in French, one section per step, as the
 * recap, the demande's page and the back office show them. Built from the answers alone, never
 * from the household's current state, so it reads the same once the household changed.
 */
export type RecapRow = { label: string; value: string };
export type RecapSection = { stepId: string; title: string; rows: RecapRow[] };

/** 2018-02-13 → 13/02/2018, the manual's dates. */
export function frenchDate(iso: string): string {
	const [year, month, day] = iso.split('-');
	return `${day}/${month}/${year}`;
}

export const yesNoLabel = (answer: 'oui' | 'non' | boolean): string =>
	answer === true || answer === 'oui' ? 'Oui' : 'Non';

/** What a field left empty shows, as the profile does. */
export const NOT_GIVEN = 'Non renseigné';
export const orNotGiven = (value: string | null | undefined): string => (value ? value : NOT_GIVEN);

/** 0606060606 → 06.06.06.06.06 (as contact.ts formatPhone, kept here to read a number alone). */
export const phoneLabel = (digits: string | null): string =>
	digits ? digits.replace(/(\d{2})(?=\d)/g, '$1.') : NOT_GIVEN;
