import { sql } from 'kysely';
import {
	MAX_MESSAGES_PER_THREAD,
	MAX_PULLED_THREADS,
	type MessagesWhole,
	type MessageView,
	type ThreadView
} from '../../src/lib/domain/messages/snapshot.ts';
import { displayName } from '../../src/lib/domain/profile/person-name.ts';
import type { Db } from '../db/database.ts';
import { namesOf } from '../profile/person-row.ts';

/**
 * GET /api/messages/pull: the household's threads, bounded. Two indexed queries: the newest
 * threads (message_thread_by_household, one more read to know whether some are left out), then
 * the newest messages of each of those (message_by_thread, numbered per thread by a window so a
 * long thread costs its 51 rows, never all of them), with their authors' names.
 */
async function loadThreads(db: Db, householdId: number) {
	const rows = await db
		.selectFrom('message_thread')
		.leftJoin('demande', 'demande.id', 'message_thread.demande_id')
		.select([
			'message_thread.id',
			'message_thread.subject',
			'message_thread.last_message_at',
			'demande.number',
			'demande.form_code'
		])
		.where('message_thread.household_id', '=', householdId)
		.orderBy('message_thread.last_message_at', 'desc')
		.orderBy('message_thread.id', 'desc')
		.limit(MAX_PULLED_THREADS + 1)
		.execute();
	return { rows: rows.slice(0, MAX_PULLED_THREADS), truncated: rows.length > MAX_PULLED_THREADS };
}

async function loadMessages(db: Db, threadIds: number[]) {
	if (threadIds.length === 0) return [];
	const ranked = db
		.selectFrom('message')
		.select([
			'id',
			'thread_id',
			'client_id',
			'author',
			'account_id',
			'subject',
			'body',
			'created_at',
			'read_at',
			sql<number>`row_number() over (partition by thread_id order by id desc)`.as('rank')
		])
		.where('thread_id', 'in', threadIds)
		.as('ranked');
	return db
		.selectFrom(ranked)
		.innerJoin('account', 'account.id', 'ranked.account_id')
		.innerJoin('person', 'person.id', 'account.person_id')
		.select([
			'ranked.id',
			'ranked.thread_id',
			'ranked.client_id',
			'ranked.author',
			'ranked.subject',
			'ranked.body',
			'ranked.created_at',
			'ranked.read_at',
			'ranked.rank',
			'person.nom_naissance',
			'person.nom_usage',
			'person.prenom'
		])
		.where('ranked.rank', '<=', MAX_MESSAGES_PER_THREAD + 1)
		.orderBy('ranked.thread_id')
		.orderBy('ranked.id')
		.execute();
}

export async function messagesSnapshot(db: Db, householdId: number, version: number): Promise<MessagesWhole> {
	const { rows, truncated } = await loadThreads(db, householdId);
	const messages = await loadMessages(
		db,
		rows.map((r) => r.id)
	);
	const byThread = new Map<number, { list: MessageView[]; more: boolean }>();
	for (const m of messages) {
		const entry = byThread.get(m.thread_id) ?? { list: [], more: false };
		byThread.set(m.thread_id, entry);
		// The one row past the bound says the thread is longer; it is not shown.
		if (m.rank > MAX_MESSAGES_PER_THREAD) {
			entry.more = true;
			continue;
		}
		entry.list.push({
			id: m.id,
			clientId: m.client_id,
			author: m.author === 'famille' ? 'famille' : 'mairie',
			authorName: displayName(namesOf(m)),
			subject: m.subject,
			body: m.body,
			createdAt: m.created_at,
			readAt: m.read_at
		});
	}
	const threads: ThreadView[] = rows.map((r) => ({
		id: r.id,
		subject: r.subject,
		lastMessageAt: r.last_message_at,
		demande:
			r.number === null || r.form_code === null
				? null
				: { number: r.number, formCode: r.form_code as NonNullable<ThreadView['demande']>['formCode'] },
		messages: byThread.get(r.id)?.list ?? [],
		truncated: byThread.get(r.id)?.more ?? false
	}));
	return { version, threads, truncated };
}
