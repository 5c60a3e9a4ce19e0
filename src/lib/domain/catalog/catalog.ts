import { z } from 'zod/mini';

/** What GET /api/catalog answers, and what the browser keeps offline. */
export const procedureSchema = z.object({
	slug: z.string(),
	label: z.string(),
	summary: z.string(),
	categorySlug: z.nullable(z.string()),
	requiresAccount: z.boolean(),
	/** Whether it can be done on the portal today (see online.ts). Absent in a copy kept offline by an older version. */
	online: z.optional(z.boolean())
});

export const categorySchema = z.object({ slug: z.string(), label: z.string() });

export const newsItemSchema = z.object({
	id: z.int(),
	title: z.string(),
	body: z.string(),
	publishedOn: z.iso.date()
});

export const catalogSchema = z.object({
	town: z.object({ name: z.string() }),
	categories: z.array(categorySchema),
	procedures: z.array(procedureSchema),
	news: z.array(newsItemSchema)
});

export type Procedure = z.infer<typeof procedureSchema>;
export type Category = z.infer<typeof categorySchema>;
export type NewsItem = z.infer<typeof newsItemSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
