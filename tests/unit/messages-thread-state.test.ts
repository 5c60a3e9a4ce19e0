import { describe, expect, it } from 'vitest';
import {
	MAX_READ_IDS,
	MAX_REPLY_CHARS,
	messageReadPayload,
	messageReplyPayload
} from '../../src/lib/domain/messages/mutations.ts';
import type { MessageView, ThreadView } from '../../src/lib/domain/messages/snapshot.ts';
import {
	echangesLinkLabel,
	pendingReplies,
	readOnDevice,
	threadStatus,
	unreadCount,
	unreadIds
} from '../../src/lib/domain/messages/thread-state.ts';

const message = (id: number, over: Partial<MessageView> = {}): MessageView => ({
	id,
	clientId: null,
	author: 'mairie',
	authorName: 'AGENT Marie',
	subject: 'Information',
	body: 'Bonjour.',
	createdAt: '2026-11-28T09:00:00.000Z',
	readAt: null,
	...over
});
const thread = (id: number, messages: MessageView[]): ThreadView => ({
	id,
	subject: 'Information',
	lastMessageAt: '2026-11-28T09:00:00.000Z',
	demande: { number: 36, formCode: 'fiche-enfant' },
	messages,
	truncated: false
});
const change = (kind: string, payload: unknown, id = kind) => ({
	id,
	kind,
	payload,
	createdAt: '2026-11-28T10:00:00Z'
});

describe('Échanges: what is read, what waits', () => {
	const threads = [
		thread(1, [message(1), message(2, { author: 'famille', authorName: 'DUPIN Pascal' })]),
		thread(2, [message(3, { readAt: '2026-11-28T09:30:00.000Z' }), message(4)])
	];

	it('counts the town’s messages not yet opened, the family’s own never', () => {
		expect(unreadCount(threads, new Set())).toBe(2);
		expect(unreadIds(threads[0]!, new Set())).toEqual([1]);
		expect(threadStatus(threads[0]!, new Set())).toBe('Non lu');
	});

	it('reads as read what this device opened offline, before the server knows', () => {
		const read = readOnDevice([
			change('message.read.v1', { messageIds: [1, 4] }),
			change('demande.save.v1', {})
		]);
		expect([...read]).toEqual([1, 4]);
		expect(unreadCount(threads, read)).toBe(0);
		expect(threadStatus(threads[1]!, read)).toBe('Lu');
	});

	it('lists the answers waiting in the outbox by thread, ignoring odd payloads', () => {
		const outbox = [
			change('message.reply.v1', { threadId: 1, body: 'Merci.' }, 'a'),
			change('message.reply.v1', { threadId: 2, body: 'Autre.' }, 'b'),
			change('message.reply.v1', null, 'c')
		];
		expect(pendingReplies(outbox, 1).map((r) => [r.id, r.body])).toEqual([['a', 'Merci.']]);
		expect(pendingReplies(outbox)).toHaveLength(2);
	});

	it('says the count for screen readers', () => {
		expect(echangesLinkLabel(0)).toBe('Échanges');
		expect(echangesLinkLabel(1)).toBe('Échanges, 1 non lu');
		expect(echangesLinkLabel(2)).toBe('Échanges, 2 non lus');
	});

	it('bounds an answer and a read', () => {
		expect(messageReplyPayload.safeParse({ threadId: 1, body: '  Merci.  ' }).data?.body).toBe('Merci.');
		expect(messageReplyPayload.safeParse({ threadId: 1, body: '   ' }).success).toBe(false);
		expect(
			messageReplyPayload.safeParse({ threadId: 1, body: 'x'.repeat(MAX_REPLY_CHARS + 1) }).success
		).toBe(false);
		expect(messageReplyPayload.safeParse({ threadId: 0, body: 'Merci.' }).success).toBe(false);
		const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
		expect(messageReadPayload.safeParse({ messageIds: ids(MAX_READ_IDS) }).success).toBe(true);
		expect(messageReadPayload.safeParse({ messageIds: ids(MAX_READ_IDS + 1) }).success).toBe(false);
	});
});
