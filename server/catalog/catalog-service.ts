import type { Catalog } from '../../src/lib/domain/catalog/catalog.ts';
import { opensOnline } from '../../src/lib/domain/catalog/online.ts';
import type { Db } from '../db/database.ts';

/** The public catalogue: active téléprocédures in the town's order, and the latest news. */
export async function readCatalog(db: Db, townName: string): Promise<Catalog> {
	const categories = await db
		.selectFrom('catalog_category')
		.select(['slug', 'label'])
		.orderBy('position')
		.execute();
	const procedures = await db
		.selectFrom('procedure')
		.leftJoin('catalog_category', 'catalog_category.id', 'procedure.category_id')
		.select([
			'procedure.slug',
			'procedure.label',
			'procedure.summary',
			'procedure.requires_account',
			'catalog_category.slug as category_slug'
		])
		.where('procedure.active', '=', 1)
		.orderBy('procedure.position')
		.execute();
	const news = await db
		.selectFrom('news_item')
		.select(['id', 'title', 'body', 'published_on'])
		.orderBy('published_on', 'desc')
		.orderBy('id', 'desc')
		.limit(10)
		.execute();
	return {
		town: { name: townName },
		categories,
		procedures: procedures.map((p) => ({
			slug: p.slug,
			label: p.label,
			summary: p.summary,
			categorySlug: p.category_slug,
			requiresAccount: p.requires_account === 1,
			online: opensOnline(p.slug)
		})),
		news: news.map((n) => ({ id: n.id, title: n.title, body: n.body, publishedOn: n.published_on }))
	};
}
