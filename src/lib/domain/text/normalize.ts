/**
 * Folds text for matching what people type: case, accents and ligatures ignored, runs of spaces,
 * hyphens and apostrophes made one space ("Fêtes" ≈ "fetes", "lès-Boulogne" ≈ "les boulogne").
 */
export function foldForSearch(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/œ/gi, 'oe')
		.replace(/æ/gi, 'ae')
		.toLocaleLowerCase('fr-FR')
		.replace(/[\s'’\-_/]+/g, ' ')
		.trim();
}
