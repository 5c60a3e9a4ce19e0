/** Longest text folded: a search box or a catalogue entry is far shorter; a paste may not be. */
export const MAX_FOLDED_LENGTH = 4000;

/**
 * Folds text for matching what people type: case, accents and ligatures ignored, runs of spaces,
 * hyphens and apostrophes made one space ("Fêtes" ≈ "fetes", "lès-Boulogne" ≈ "les boulogne").
 * Only the first MAX_FOLDED_LENGTH characters are read: normalising costs in proportion to the text.
 */
export function foldForSearch(text: string): string {
	return text
		.slice(0, MAX_FOLDED_LENGTH)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/œ/gi, 'oe')
		.replace(/æ/gi, 'ae')
		.toLocaleLowerCase('fr-FR')
		.replace(/[\s'’\-_/]+/g, ' ')
		.trim();
}
