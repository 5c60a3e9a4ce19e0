import { REQUIRED } from '../forms/field-errors.ts';
import { RAW_FACTOR, tooLong } from './bounded-text.ts';
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
/**
 * Longest raw text (UTF-16 units) ever normalised: NFKC costs time and memory in proportion (one
 * character can become 18), so a longer text is refused before it. Wide enough for 256 characters
 * typed as letters plus combining accents, or as emoji.
 */
export const MAX_RAW_LENGTH = MAX_LENGTH * RAW_FACTOR;

const common = new Set(COMMON_PASSWORDS);

/** The form compared and hashed. Throws on a text longer than MAX_RAW_LENGTH: check it first. */
export function normalizePassword(password: string): string {
	if (password.length > MAX_RAW_LENGTH) throw new RangeError('password longer than MAX_RAW_LENGTH');
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
	// The checklist under the field still says what a too long text contains, from its beginning.
	const bounded = raw.length <= MAX_RAW_LENGTH;
	const password = normalizePassword(bounded ? raw : raw.slice(0, MAX_RAW_LENGTH));
	const length = [...password].length;
	return {
		length: length >= MIN_LENGTH,
		upper: /\p{Lu}/u.test(password),
		lower: /\p{Ll}/u.test(password),
		digit: /\p{Nd}/u.test(password),
		passphrase: length >= PASSPHRASE_LENGTH,
		notCommon: !common.has(password.toLowerCase()),
		notTooLong: bounded && length <= MAX_LENGTH
	};
}

/** Null when the password is acceptable, else the French reason to show beside the field. */
export function passwordProblem(raw: string): string | null {
	if (raw.length === 0) return REQUIRED;
	if (raw.length > MAX_RAW_LENGTH) return tooLong(MAX_LENGTH);
	const c = checkPassword(raw);
	if (!c.notTooLong) return tooLong(MAX_LENGTH);
	if (!c.notCommon) return 'Ce mot de passe est trop courant : choisissez-en un autre.';
	const composed = c.length && c.upper && c.lower && c.digit;
	if (!composed && !c.passphrase) {
		return 'Le mot de passe doit contenir au moins 8 caractères avec une majuscule, une minuscule et un chiffre, ou être une phrase d’au moins 15 caractères.';
	}
	return null;
}
