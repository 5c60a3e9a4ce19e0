import { describe, expect, it } from 'vitest';
import type { Category, Procedure } from '../../src/lib/domain/catalog/catalog.ts';
import { filterCatalog } from '../../src/lib/domain/catalog/search.ts';
import { foldForSearch } from '../../src/lib/domain/text/normalize.ts';

const categories: Category[] = [
	{ slug: 'enfance-jeunesse', label: 'Enfance / Jeunesse' },
	{ slug: 'location-salles', label: 'Location de salles municipales' }
];
const procedure = (slug: string, label: string, categorySlug: string | null): Procedure => ({
	slug,
	label,
	summary: '',
	categorySlug,
	requiresAccount: true
});
const procedures = [
	procedure('maj', 'Mettre à jour mes informations personnelles', null),
	procedure('fiche-enfant', 'Fiche enfant', 'enfance-jeunesse'),
	procedure('cantine', 'Réservation Cantine', 'enfance-jeunesse'),
	procedure('salle', 'Location de la salle des fêtes', 'location-salles')
];
const labels = (query: string, category: string | null = null) =>
	filterCatalog(categories, procedures, query, category).flatMap((g) => g.procedures.map((p) => p.label));

describe('foldForSearch', () => {
	it('ignores case, accents, ligatures and punctuation between words', () => {
		expect(foldForSearch('Fêtes')).toBe('fetes');
		expect(foldForSearch('  Hesdigneul-lès-Boulogne ')).toBe('hesdigneul les boulogne');
		expect(foldForSearch('ŒUVRE d’Été')).toBe('oeuvre d ete');
	});
});

describe('filterCatalog', () => {
	it('keeps the manual order: loose procedures first, then each category', () => {
		const groups = filterCatalog(categories, procedures, '', null);
		expect(groups.map((g) => g.category?.label ?? null)).toEqual([
			null,
			'Enfance / Jeunesse',
			'Location de salles municipales'
		]);
	});

	it('finds "Location de la salle des fêtes" from "fete" and "FÊTE"', () => {
		expect(labels('fete')).toEqual(['Location de la salle des fêtes']);
		expect(labels('FÊTE')).toEqual(['Location de la salle des fêtes']);
	});

	it('finds "Réservation Cantine" from "cantine" and "reservation cantine"', () => {
		expect(labels('cantine')).toEqual(['Réservation Cantine']);
		expect(labels('reservation   cantine')).toEqual(['Réservation Cantine']);
	});

	it('needs every word, in any order', () => {
		expect(labels('cantine salle')).toEqual([]);
		expect(labels('enfant fiche')).toEqual(['Fiche enfant']);
	});

	it('matches the category name too', () => {
		expect(labels('jeunesse')).toEqual(['Fiche enfant', 'Réservation Cantine']);
	});

	it('filters by service and drops empty groups', () => {
		const groups = filterCatalog(categories, procedures, '', 'location-salles');
		expect(groups).toHaveLength(1);
		expect(groups[0]?.procedures.map((p) => p.label)).toEqual(['Location de la salle des fêtes']);
		expect(labels('cantine', 'location-salles')).toEqual([]);
	});
});
