import { REQUIRED } from '../forms/field-errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/**
 * The portal's password rule: the manual's (at least 8 characters with an upper case letter, a lower
 * case letter and a digit; acceptable under the CNIL's 2022 recommendation because sign-in is
 * throttled) OR a passphrase of at least 15 characters with no composition rule. Any character is
 * accepted (the manual's ban on accents and most symbols was a limit of the old system), compared
 * after Unicode normalisation (NFKC) so the same password typed on two keyboards is the same.
 */
export const MIN_LENGTH = 8;
export const PASSPHRASE_LENGTH = 15;
export const MAX_LENGTH = 256;

const common = new Set(COMMON_PASSWORDS);

export function normalizePassword(password: string): string {
	return password.normalize('NFKC');
}

export type PasswordCheck = {
	length: boolean;
	upper: boolean;
	lower: boolean;
	digit: boolean;
	passphrase: boolean;
	notCommon: boolean;
	notTooLong: boolean;
};

export function checkPassword(raw: string): PasswordCheck {
	const password = normalizePassword(raw);
	const length = [...password].length;
	return {
		length: length >= MIN_LENGTH,
		upper: /\p{Lu}/u.test(password),
		lower: /\p{Ll}/u.test(password),
		digit: /\p{Nd}/u.test(password),
		passphrase: length >= PASSPHRASE_LENGTH,
		notCommon: !common.has(password.toLowerCase()),
		notTooLong: length <= MAX_LENGTH
	};
}

/** Null when the password is acceptable, else the French reason to show beside the field. */
export function passwordProblem(raw: string): string | null {
	if (raw.length === 0) return REQUIRED;
	const c = checkPassword(raw);
	if (!c.notTooLong) return `${MAX_LENGTH} caractères au maximum.`;
	if (!c.notCommon) return 'Ce mot de passe est trop courant : choisissez-en un autre.';
	const composed = c.length && c.upper && c.lower && c.digit;
	if (!composed && !c.passphrase) {
		return 'Le mot de passe doit contenir au moins 8 caractères avec une majuscule, une minuscule et un chiffre, ou être une phrase d’au moins 15 caractères.';
	}
	return null;
}
