import { z } from 'zod';
import { typedText } from '../text/typed-text.ts';

/**
 * What the browser's outbox sends for Échanges (POST /api/sync/push, DESIGN §4). A family's
 * answer is named by the mutation's UUID, kept as the message's client_id: sent twice, it is one
 * message.
 */
export const MAX_REPLY_CHARS = 4000;
/** Messages one `message.read.v1` may mark read: a thread shows at most 50. */
export const MAX_READ_IDS = 100;
/** Answers a household may write in one day (Paris): far above a family's use, below a flood. */
export const MAX_REPLIES_PER_DAY = 50;

export const messageReplyPayload = z.object({
	threadId: z.int().positive({ error: 'Conversation inconnue.' }),
	body: typedText(MAX_REPLY_CHARS, {
		required: 'Écrivez votre réponse.',
		tooLong: `Votre réponse ne doit pas dépasser ${MAX_REPLY_CHARS} caractères.`
	})
});
export type MessageReplyPayload = z.infer<typeof messageReplyPayload>;

export const messageReadPayload = z.object({
	messageIds: z.array(z.int().positive()).min(1).max(MAX_READ_IDS)
});
export type MessageReadPayload = z.infer<typeof messageReadPayload>;

const mutation = <K extends string, P extends z.ZodType>(kind: K, payload: P) =>
	z.object({ id: z.uuid(), kind: z.literal(kind), createdAt: z.iso.datetime(), payload });

export const messageMutationSchemas = [
	mutation('message.reply.v1', messageReplyPayload),
	mutation('message.read.v1', messageReadPayload)
] as const;

/** Refusal codes of the messages' mutations. */
export const THREAD_NOT_FOUND = 'not_found';
export const REPLIES_OVER_BUDGET = 'limite-du-jour';
