import { foldForSearch } from '../text/normalize.ts';
import type { Category, Procedure } from './catalog.ts';

export type ProcedureGroup = { category: Category | null; procedures: Procedure[] };

/**
 * The home page's list: procedures without a category first (as "Mettre à jour mes informations
 * personnelles" in the manual), then each category in order, keeping only what matches the typed
 * words (every word must appear, in any order, accents and case ignored) and the chosen service.
 * Empty groups are dropped so the list never shows a heading with nothing under it.
 */
export function filterCatalog(
	categories: Category[],
	procedures: Procedure[],
	query: string,
	categorySlug: string | null
): ProcedureGroup[] {
	const words = foldForSearch(query).split(' ').filter(Boolean);
	const matches = (p: Procedure) => {
		const category = categories.find((c) => c.slug === p.categorySlug);
		const haystack = foldForSearch(`${p.label} ${p.summary} ${category?.label ?? ''}`);
		return words.every((w) => haystack.includes(w));
	};
	const kept = procedures.filter(
		(p) => (categorySlug === null || p.categorySlug === categorySlug) && matches(p)
	);
	const groups: ProcedureGroup[] = [];
	const loose = kept.filter((p) => p.categorySlug === null);
	if (loose.length > 0) groups.push({ category: null, procedures: loose });
	for (const category of categories) {
		const inCategory = kept.filter((p) => p.categorySlug === category.slug);
		if (inCategory.length > 0) groups.push({ category, procedures: inCategory });
	}
	return groups;
}
