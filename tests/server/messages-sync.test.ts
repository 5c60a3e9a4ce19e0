import { describe, expect, it } from 'vitest';
import { postTownMessage } from '../../server/messages/town-messages.ts';
import { readResourceVersion } from '../../server/sync/resource-version.ts';
import {
	MAX_REPLIES_PER_DAY,
	MAX_REPLY_CHARS,
	REPLIES_OVER_BUDGET,
	THREAD_NOT_FOUND
} from '../../src/lib/domain/messages/mutations.ts';
import {
	MAX_MESSAGES_PER_THREAD,
	MAX_PULLED_THREADS,
	messagesSnapshotSchema,
	type MessagesWhole
} from '../../src/lib/domain/messages/snapshot.ts';
import { SYNC_SCHEMA_VERSION } from '../../src/lib/domain/sync/protocol.ts';
import { mutation, pushOne } from './support/agenda.ts';
import { signInAgent } from './support/agents.ts';
import { TestClient } from './support/http-client.ts';
import { twoHouseholds } from './support/requests.ts';
import type { TestCtx } from './support/test-app.ts';

type Households = Awaited<ReturnType<typeof twoHouseholds>>;

/** A town message to the household, written as an agent's action writes it. */
async function townMessage(
	ctx: TestCtx,
	householdId: number,
	agentAccountId: number,
	subject = 'Information'
) {
	return ctx.db.transaction().execute((trx) =>
		postTownMessage(trx, ctx.clock.now(), {
			householdId,
			demandeId: null,
			subject,
			body: 'Bonjour.',
			agentAccountId
		})
	);
}

async function withAgent(h: Households) {
	const agentClient = new TestClient(h.ctx.app);
	const { accountId } = await signInAgent(h.ctx, agentClient);
	return { agentClient, agentId: accountId };
}

function pullRequest(client: TestClient, known?: number) {
	const k = known === undefined ? '' : `&known=${known}`;
	return client.get(`/api/messages/pull?schemaVersion=${SYNC_SCHEMA_VERSION}${k}`);
}

async function pull(client: TestClient): Promise<MessagesWhole> {
	const res = await pullRequest(client);
	expect(res.status).toBe(200);
	const parsed = messagesSnapshotSchema.parse(await res.json());
	if (!('threads' in parsed)) throw new Error('réponse inattendue');
	return parsed;
}

const reply = (threadId: number, body = 'Merci, je passe demain.') =>
	mutation('message.reply.v1', { threadId, body });

describe('GET /api/messages/pull', () => {
	it('gives the household’s threads with their messages, authors and demande, then unchanged', async () => {
		const h = await twoHouseholds();
		const { agentId } = await withAgent(h);
		const { threadId, messageId } = await townMessage(h.ctx, h.dupin.account.householdId, agentId);
		await townMessage(h.ctx, h.martin.account.householdId, agentId, 'Pour les MARTIN');
		const whole = await pull(h.dupin.client);
		expect(whole.truncated).toBe(false);
		expect(whole.threads).toEqual([
			expect.objectContaining({
				id: threadId,
				subject: 'Information',
				demande: null,
				truncated: false,
				messages: [
					expect.objectContaining({
						id: messageId,
						author: 'mairie',
						authorName: 'AGENT Marie',
						subject: 'Information',
						body: 'Bonjour.',
						readAt: null
					})
				]
			})
		]);
		expect(await (await pullRequest(h.dupin.client, whole.version)).json()).toEqual({
			version: whole.version,
			unchanged: true
		});
	});

	it('is bounded: the newest threads, the newest messages of each', async () => {
		const h = await twoHouseholds();
		const { agentId } = await withAgent(h);
		const householdId = h.dupin.account.householdId;
		let first = 0;
		for (let i = 0; i < MAX_PULLED_THREADS + 1; i++) {
			const { threadId } = await townMessage(h.ctx, householdId, agentId, `Sujet ${i}`);
			if (i === 0) first = threadId;
		}
		const long = await townMessage(h.ctx, householdId, agentId, 'Long');
		// Messages in the thread of the newest: one more than shown.
		await h.ctx.db
			.insertInto('message')
			.values(
				Array.from({ length: MAX_MESSAGES_PER_THREAD }, (_, i) => ({
					thread_id: long.threadId,
					household_id: householdId,
					client_id: null,
					author: 'mairie',
					account_id: agentId,
					subject: 'Long',
					body: `Message ${i}`,
					created_at: '2026-11-28T09:00:00.000Z',
					read_at: null
				}))
			)
			.execute();
		const whole = await pull(h.dupin.client);
		expect(whole.threads).toHaveLength(MAX_PULLED_THREADS);
		expect(whole.truncated).toBe(true);
		expect(whole.threads.some((t) => t.id === first)).toBe(false);
		const shown = whole.threads.find((t) => t.id === long.threadId);
		expect(shown?.messages).toHaveLength(MAX_MESSAGES_PER_THREAD);
		expect(shown?.truncated).toBe(true);
		expect(shown?.messages.at(-1)?.body).toBe(`Message ${MAX_MESSAGES_PER_THREAD - 1}`);
	});

	it('refuses the signed out (401) and agents (403)', async () => {
		const h = await twoHouseholds();
		const { agentClient } = await withAgent(h);
		expect((await pullRequest(new TestClient(h.ctx.app))).status).toBe(401);
		const res = await pullRequest(agentClient);
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({ error: { code: 'families_only' } });
	});
});

describe('POST /api/sync/push: messages', () => {
	it('writes the family’s answer once, in its thread, and raises the version', async () => {
		const h = await twoHouseholds();
		const { agentId } = await withAgent(h);
		const householdId = h.dupin.account.householdId;
		const { threadId } = await townMessage(h.ctx, householdId, agentId);
		const before = await readResourceVersion(h.ctx.db, householdId, 'messages');
		const m = reply(threadId);
		expect(await pushOne(h.dupin.client, m)).toEqual({ id: m.id, status: 'applied' });
		expect(await pushOne(h.dupin.client, m)).toEqual({ id: m.id, status: 'applied' });
		expect(await readResourceVersion(h.ctx.db, householdId, 'messages')).toBe(before + 1);
		const thread = (await pull(h.dupin.client)).threads[0];
		expect(thread?.messages.map((x) => [x.author, x.authorName, x.clientId, x.body])).toEqual([
			['mairie', 'AGENT Marie', null, 'Bonjour.'],
			['famille', 'DUPIN Pascal', m.id, 'Merci, je passe demain.']
		]);
	});

	it('refuses another household’s thread as unknown, and writes nothing', async () => {
		const h = await twoHouseholds();
		const { agentId } = await withAgent(h);
		const { threadId } = await townMessage(h.ctx, h.martin.account.householdId, agentId);
		const m = reply(threadId);
		expect(await pushOne(h.dupin.client, m)).toMatchObject({ status: 'rejected', code: THREAD_NOT_FOUND });
		const rows = await h.ctx.db.selectFrom('message').select('author').execute();
		expect(rows.map((r) => r.author)).toEqual(['mairie']);
	});

	it('refuses an empty or too long answer, as unreadable', async () => {
		const h = await twoHouseholds();
		const { agentId } = await withAgent(h);
		const { threadId } = await townMessage(h.ctx, h.dupin.account.householdId, agentId);
		for (const body of ['   ', 'x'.repeat(MAX_REPLY_CHARS + 1)]) {
			expect(await pushOne(h.dupin.client, reply(threadId, body))).toMatchObject({ status: 'rejected' });
		}
		expect(await h.ctx.db.selectFrom('message').select('id').execute()).toHaveLength(1);
	});

	it('keeps to the day’s budget of answers, and decides a refused one again later', async () => {
		const h = await twoHouseholds();
		const { agentId } = await withAgent(h);
		const { threadId } = await townMessage(h.ctx, h.dupin.account.householdId, agentId);
		for (let i = 0; i < MAX_REPLIES_PER_DAY; i++) {
			expect(await pushOne(h.dupin.client, reply(threadId))).toMatchObject({ status: 'applied' });
		}
		const over = reply(threadId);
		expect(await pushOne(h.dupin.client, over)).toMatchObject({
			status: 'rejected',
			code: REPLIES_OVER_BUDGET
		});
		const stored = await h.ctx.db
			.selectFrom('applied_mutation')
			.select('id')
			.where('id', '=', over.id)
			.execute();
		expect(stored).toEqual([]);
	});

	it('marks the town’s messages of the household read, and no one else’s', async () => {
		const h = await twoHouseholds();
		const { agentId } = await withAgent(h);
		const householdId = h.dupin.account.householdId;
		const mine = await townMessage(h.ctx, householdId, agentId);
		const theirs = await townMessage(h.ctx, h.martin.account.householdId, agentId);
		const before = await readResourceVersion(h.ctx.db, householdId, 'messages');
		const m = mutation('message.read.v1', { messageIds: [mine.messageId, theirs.messageId] });
		expect(await pushOne(h.dupin.client, m)).toEqual({ id: m.id, status: 'applied' });
		const rows = await h.ctx.db.selectFrom('message').select(['id', 'read_at']).orderBy('id').execute();
		expect(rows.map((r) => r.read_at !== null)).toEqual([true, false]);
		expect(await readResourceVersion(h.ctx.db, householdId, 'messages')).toBe(before + 1);
		// Read again: nothing changes, the version neither.
		await pushOne(h.dupin.client, mutation('message.read.v1', { messageIds: [mine.messageId] }));
		expect(await readResourceVersion(h.ctx.db, householdId, 'messages')).toBe(before + 1);
		const tooMany = Array.from({ length: 101 }, (_, i) => i + 1);
		expect(await pushOne(h.dupin.client, mutation('message.read.v1', { messageIds: tooMany }))).toMatchObject(
			{
				status: 'rejected'
			}
		);
	});
});
