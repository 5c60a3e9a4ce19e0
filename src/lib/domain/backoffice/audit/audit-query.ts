import { z } from 'zod';

/** A page of the audit log: the bound of every list of the back office. */
export const AUDIT_PAGE_SIZE = 50;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const id = z.coerce.number().int().positive().max(2_147_483_647);
const day = z.string().max(10).regex(ISO_DAY, 'Indiquez une date au format JJ/MM/AAAA.');
const code = z
	.string()
	.max(40, '40 caractères au maximum.')
	.regex(/^[a-z][a-z0-9._-]*$/, 'Code inconnu.');

/** GET /api/admin/audit: newest first, filtered by agent, action, record, family, days (Paris). */
export const auditQuerySchema = z
	.object({
		agent: id.optional(),
		action: code.optional(),
		cible: code.optional(),
		cibleId: id.optional(),
		famille: id.optional(),
		du: day.optional(),
		au: day.optional(),
		page: z.coerce.number().int().min(1).max(10_000).default(1)
	})
	.refine((q) => !q.du || !q.au || q.du <= q.au, {
		message: 'La date de fin précède la date de début.',
		path: ['au']
	});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** One line of the log as an administrator reads it. */
export type AuditLine = {
	id: number;
	at: string;
	agent: { id: number; identifiant: string; nom: string };
	action: string;
	targetType: string;
	targetId: number | null;
	householdId: number | null;
	summary: string;
	before: unknown;
	after: unknown;
};

export type AuditPage = { lines: AuditLine[]; page: number; hasMore: boolean };

/**
 * A small before/after shown as "champ : valeur" rather than raw JSON; a large or nested one is
 * shown as JSON (null: nothing recorded).
 */
export function readableChange(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
	const entries = Object.entries(value as Record<string, unknown>);
	const simple = entries.every(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
	if (!simple || entries.length > 6) return JSON.stringify(value);
	return entries.map(([k, v]) => `${k} : ${v === null ? '—' : String(v)}`).join(', ');
}
