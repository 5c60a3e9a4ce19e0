import { z } from 'zod';

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
		summary: z.object({ booked: z.number(), cancelled: z.number(), skipped: z.array(skipped) }).optional()
	}),
	z.object({ id: z.string(), status: z.literal('rejected'), code: z.string(), reason: z.string() })
]);

export const pushAnswerSchema = z.object({ results: z.array(result), version: z.number() });

/** The agenda snapshot's frame (its rows are the server's own, drawn as they come). */
export const pullAnswerSchema = z.looseObject({
	version: z.number(),
	from: z.string(),
	to: z.string(),
	activities: z.array(z.looseObject({ code: z.string() })),
	calendar: z.looseObject({ schoolYears: z.array(z.unknown()), closures: z.array(z.unknown()) }),
	persons: z.array(z.looseObject({ id: z.number() })),
	reservations: z.array(z.unknown()),
	capacity: z.array(z.unknown()),
	history: z.array(z.unknown())
});
