import { parisDate } from '../../src/lib/domain/agenda/paris-time.ts';
import {
	MAX_REPLIES_PER_DAY,
	REPLIES_OVER_BUDGET,
	THREAD_NOT_FOUND,
	type MessageReadPayload,
	type MessageReplyPayload
} from '../../src/lib/domain/messages/mutations.ts';
import type { Mutation, MutationResult } from '../../src/lib/domain/sync/protocol.ts';
import type { Db } from '../db/database.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { applyOnce } from '../sync/apply-once.ts';
import { reserveDayBudget, type DayBudget } from '../sync/day-budget.ts';
import type { Decision, MutationHandler } from '../sync/mutation-handler.ts';
import { bumpResourceVersion } from '../sync/resource-version.ts';

type MessageKind = 'message.reply.v1' | 'message.read.v1';
type MessageMutation = Extract<Mutation, { kind: MessageKind }>;

const REPLIES: DayBudget = { table: 'household_message_budget', limit: MAX_REPLIES_PER_DAY };

const rejected = (id: string, code: string, reason: string): MutationResult => ({
	id,
	status: 'rejected',
	code,
	reason
});

/**
 * The family's answer in a thread of its own household (another household's thread reads as
 * unknown: nothing says it exists), counted in the day's budget, written with the mutation's
 * UUID as its client_id.
 */
async function reply(
	trx: Db,
	account: CurrentAccount,
	id: string,
	payload: MessageReplyPayload,
	now: Date
): Promise<Decision> {
	const thread = await trx
		.selectFrom('message_thread')
		.select(['id', 'subject'])
		.where('id', '=', payload.threadId)
		.where('household_id', '=', account.householdId)
		.executeTakeFirst();
	if (!thread)
		return {
			result: rejected(
				id,
				THREAD_NOT_FOUND,
				"Cette conversation n'existe pas ou plus : votre réponse n'a pas été envoyée."
			)
		};
	const over = await reserveDayBudget(trx, REPLIES, account.householdId, parisDate(now), 1);
	if (over) {
		// Not kept: the same answer may be sent again tomorrow.
		const reason =
			`La limite du jour est atteinte : votre foyer a déjà envoyé aujourd'hui les ${MAX_REPLIES_PER_DAY} ` +
			"réponses permises. Celle-ci n'a pas été envoyée ; renvoyez-la demain.";
		return { result: rejected(id, REPLIES_OVER_BUDGET, reason), keep: false };
	}
	const at = now.toISOString();
	await trx
		.insertInto('message')
		.values({
			thread_id: thread.id,
			household_id: account.householdId,
			client_id: id,
			author: 'famille',
			account_id: account.id,
			subject: thread.subject,
			body: payload.body,
			created_at: at,
			read_at: null
		})
		.execute();
	await trx.updateTable('message_thread').set({ last_message_at: at }).where('id', '=', thread.id).execute();
	await bumpResourceVersion(trx, account.householdId, 'messages');
	return { result: { id, status: 'applied' } };
}

/** The town's messages of the household marked read; ids of others' messages change nothing. */
async function markRead(
	trx: Db,
	account: CurrentAccount,
	id: string,
	payload: MessageReadPayload,
	now: Date
): Promise<Decision> {
	const changed = await trx
		.updateTable('message')
		.set({ read_at: now.toISOString() })
		.where('id', 'in', payload.messageIds)
		.where('household_id', '=', account.householdId)
		.where('author', '=', 'mairie')
		.where('read_at', 'is', null)
		.executeTakeFirst();
	if (changed.numUpdatedRows > 0n) await bumpResourceVersion(trx, account.householdId, 'messages');
	return { result: { id, status: 'applied' } };
}

/**
 * Échanges' mutations, each applied once with its stored answer (applyOnce): an answer sent again
 * from the outbox (an answer lost on the way back, a second tab) is one message.
 */
export const messageMutations: MutationHandler<MessageKind> = {
	kinds: ['message.reply.v1', 'message.read.v1'],
	apply(deps, account, mutation: MessageMutation) {
		return applyOnce(deps, account, mutation, (trx, now) =>
			mutation.kind === 'message.reply.v1'
				? reply(trx, account, mutation.id, mutation.payload, now)
				: markRead(trx, account, mutation.id, mutation.payload, now)
		);
	}
};
