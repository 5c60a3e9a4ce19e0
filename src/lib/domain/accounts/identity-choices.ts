/**
 * What the identity form offers and asks, without its schema (identity.ts, with zod): the
 * registration page draws its fields with these and loads the schema when it checks them.
 */
export const CIVILITES = ['Monsieur', 'Madame'] as const;

/** Born in France: the département of birth is asked for too. */
export function isFrance(country: string): boolean {
	return country.trim().toLowerCase() === 'france';
}
