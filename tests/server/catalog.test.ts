import { describe, expect, it } from 'vitest';
import { parseCatalog, type Catalog } from '../../src/lib/domain/catalog/catalog.ts';
import { testApp } from './support/test-app.ts';

async function getCatalog(app: Awaited<ReturnType<typeof testApp>>['app']): Promise<Catalog> {
	const res = await app.request('/api/catalog');
	expect(res.status).toBe(200);
	return parseCatalog(await res.json());
}

describe('GET /api/catalog', () => {
	it('lists the téléprocédures of the manual, grouped and in order', async () => {
		const { app } = await testApp();
		const catalog = await getCatalog(app);
		expect(catalog.town.name).toBe('Ville de Hesdigneul-lès-Boulogne');
		expect(catalog.categories.map((c) => c.label)).toEqual([
			'Enfance / Jeunesse',
			'Autres démarches',
			'Location de salles municipales'
		]);
		const byCategory = (slug: string | null) =>
			catalog.procedures.filter((p) => p.categorySlug === slug).map((p) => p.label);
		expect(byCategory(null)).toEqual(['Mettre à jour mes informations personnelles']);
		expect(byCategory('enfance-jeunesse')).toEqual([
			'Fiche enfant',
			'Réservation Cantine',
			'Réservation Garderie'
		]);
		expect(byCategory('autres-demarches')).toEqual(['Contacter la mairie']);
		expect(byCategory('location-salles')).toEqual(['Location de la salle des fêtes']);
		expect(catalog.procedures.every((p) => p.requiresAccount)).toBe(true);
	});

	it('says which démarches can be done online today, the others being "Bientôt en ligne"', async () => {
		const { app } = await testApp();
		const { procedures } = await getCatalog(app);
		expect(Object.fromEntries(procedures.map((p) => [p.slug, p.online]))).toEqual({
			'mise-a-jour-informations': true,
			'fiche-enfant': true,
			'reservation-cantine': true,
			'reservation-garderie': true,
			'contacter-la-mairie': true,
			'location-salle-des-fetes': true
		});
	});

	it('gives the news, newest first, starting with the welcome', async () => {
		const { app } = await testApp({ now: '2026-11-28T09:00:00Z' });
		const { news } = await getCatalog(app);
		expect(news).toHaveLength(1);
		expect(news[0]?.title).toMatch(/^Bienvenue/);
		expect(news[0]?.publishedOn).toBe('2026-11-28');
	});

	it('uses the configured town name', async () => {
		const { app } = await testApp({ env: { TOWN_NAME: 'Ville de Samer' } });
		expect((await getCatalog(app)).town.name).toBe('Ville de Samer');
	});

	it('hides a procedure the town switched off', async () => {
		const { app, db } = await testApp();
		await db.updateTable('procedure').set({ active: 0 }).where('slug', '=', 'contacter-la-mairie').execute();
		const { procedures } = await getCatalog(app);
		expect(procedures.map((p) => p.slug)).not.toContain('contacter-la-mairie');
	});
});
