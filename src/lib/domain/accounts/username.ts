import { REQUIRED } from '../forms/field-errors.ts';
import { RAW_FACTOR } from './bounded-text.ts';

/**
 * Usernames: the default is `prénom.nom` (the manual's "pascal.dupin"), lower case, accents,
 * spaces and apostrophes removed; hyphens kept as typed in compound names ("jean-marc").
 */
export const MAX_USERNAME_LENGTH = 40;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;

/**
 * Only the beginning of a name is read: a username keeps 36 characters of it, and normalising
 * costs in proportion to the text.
 */
export function usernameSlug(text: string): string {
	return text
		.slice(0, MAX_USERNAME_LENGTH * RAW_FACTOR)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9-]+/g, '')
		.replace(/^-+|-+$/g, '');
}

export function defaultUsername(prenom: string, nom: string): string {
	const base = `${usernameSlug(prenom)}.${usernameSlug(nom)}`.replace(/^\.|\.$/g, '');
	return base.length >= 3 ? base.slice(0, 36) : `${base}usager`.slice(0, 36);
}

/** The first of `base`, `base2`, `base3`… that `isTaken` says is free. */
export async function uniqueUsername(
	base: string,
	isTaken: (candidate: string) => Promise<boolean>
): Promise<string> {
	if (!(await isTaken(base))) return base;
	for (let n = 2; ; n++) {
		const candidate = `${base}${n}`;
		if (!(await isTaken(candidate))) return candidate;
	}
}

export function usernameProblem(username: string): string | null {
	if (!username) return REQUIRED;
	if (!USERNAME_PATTERN.test(username)) {
		return 'De 3 à 40 caractères : lettres minuscules sans accent, chiffres, point, tiret ou souligné.';
	}
	return null;
}
