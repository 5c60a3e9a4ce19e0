import type { Db } from '../db/database.ts';

/** One agent action, as the audit log keeps it (migration 0011: append-only, triggers refuse edits). */
export type AuditEntry = {
	/** The agent (or administrateur) who acted. */
	accountId: number;
	/** What was done, as a stable code: 'demande.prendre', 'document.valider', 'agent.desactiver', … */
	action: string;
	/** The record acted on: 'demande', 'document', 'account', 'household', 'message', … and its id. */
	targetType: string;
	targetId: number | null;
	/** The family concerned, when there is one: the log can be read per household. */
	householdId: number | null;
	/** A French line an administrator reads: "Demande n° 42 acceptée". */
	summary: string;
	/** What the record was and became, for the fields the action changes (JSON-serialisable). */
	before?: unknown;
	after?: unknown;
};

/**
 * Writes an audit line in the caller's transaction, so the action and its trace commit together
 * (or neither does). Every agent action that changes data calls it; before/after carry only the
 * fields the action changed, never a file's content.
 */
export async function writeAudit(trx: Db, at: Date, entry: AuditEntry): Promise<void> {
	await trx
		.insertInto('audit_log')
		.values({
			at: at.toISOString(),
			account_id: entry.accountId,
			action: entry.action,
			target_type: entry.targetType,
			target_id: entry.targetId,
			household_id: entry.householdId,
			summary: entry.summary,
			before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
			after_json: entry.after === undefined ? null : JSON.stringify(entry.after)
		})
		.execute();
}
