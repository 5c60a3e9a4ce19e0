import type { Catalog } from '../../src/lib/domain/catalog/catalog.ts';

/** A town's catalogue of one category, one procedure and one news item, as the server answers it. */
export const SMALL_CATALOG: Catalog = {
	town: { name: 'Ville de Test' },
	categories: [{ slug: 'enfance-jeunesse', label: 'Enfance / Jeunesse' }],
	procedures: [
		{
			slug: 'fiche-enfant',
			label: 'Fiche enfant',
			summary: '',
			categorySlug: 'enfance-jeunesse',
			requiresAccount: true
		}
	],
	news: [{ id: 1, title: 'Bienvenue', body: 'Texte', publishedOn: '2026-11-28' }]
};
