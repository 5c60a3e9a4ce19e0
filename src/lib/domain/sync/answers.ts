import { z } from 'zod';
import { DEMANDE_STATUSES } from '../requests/status.ts';
import type { PushResponse } from './protocol.ts';

/**
 * The server's answers as the browser's engine checks them before believing them: an answer of
 * another shape (a proxy's error page, a truncated body, an older server) is a failure the page
 * shows, never a crash in the middle of a sync.
 */

const skipped = z.object({
	personId: z.number(),
	date: z.string(),
	activityCode: z.string(),
	code: z.string(),
	reason: z.string()
});
const result = z.discriminatedUnion('status', [
	z.object({
		id: z.string(),
		status: z.literal('applied'),
		summary: z.object({ booked: z.number(), cancelled: z.number(), skipped: z.array(skipped) }).optional(),
		demande: z
			.object({ number: z.number(), revision: z.number(), status: z.enum(DEMANDE_STATUSES) })
			.optional()
	}),
	z.object({
		id: z.string(),
		status: z.literal('rejected'),
		code: z.string(),
		reason: z.string(),
		fields: z.record(z.string(), z.string()).optional(),
		conflict: z.object({ revision: z.number(), updatedAt: z.string() }).optional()
	})
]);

export const pushAnswerSchema = z.object({
	results: z.array(result),
	version: z.number()
}) satisfies z.ZodType<PushResponse>;
