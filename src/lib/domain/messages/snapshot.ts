import { z } from 'zod';
import { FORM_CODES } from '../requests/form-codes.ts';

/**
 * What GET /api/messages/pull answers: the household's threads with the town ("Échanges",
 * manual §3.1), as the device keeps them offline, or only the version when the device has it.
 * Bounded: the newest MAX_PULLED_THREADS threads (by last message), and in each the newest
 * MAX_MESSAGES_PER_THREAD messages; `truncated` (of the answer, of a thread) says some are left out.
 */
export const MAX_PULLED_THREADS = 100;
export const MAX_MESSAGES_PER_THREAD = 50;

export const MESSAGE_AUTHORS = ['mairie', 'famille'] as const;

export const messageViewSchema = z.object({
	id: z.number(),
	/** The UUID of a family's answer sent from the outbox; null for the town's. */
	clientId: z.string().nullable(),
	author: z.enum(MESSAGE_AUTHORS),
	/** Who wrote it: the agent's or the parent's name. */
	authorName: z.string(),
	subject: z.string(),
	body: z.string(),
	createdAt: z.string(),
	readAt: z.string().nullable()
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const threadViewSchema = z.object({
	id: z.number(),
	subject: z.string(),
	lastMessageAt: z.string(),
	/** The demande the thread is about ("Fiche enfant : 36"); null for a message from Familles. */
	demande: z.object({ number: z.number(), formCode: z.enum(FORM_CODES) }).nullable(),
	/** Oldest first. */
	messages: z.array(messageViewSchema).max(MAX_MESSAGES_PER_THREAD),
	truncated: z.boolean()
});
export type ThreadView = z.infer<typeof threadViewSchema>;

export const messagesSnapshotSchema = z.union([
	z.object({ version: z.number(), unchanged: z.literal(true) }),
	z.object({
		version: z.number(),
		threads: z.array(threadViewSchema).max(MAX_PULLED_THREADS),
		truncated: z.boolean()
	})
]);
export type MessagesSnapshot = z.infer<typeof messagesSnapshotSchema>;
export type MessagesWhole = Extract<MessagesSnapshot, { threads: unknown }>;
