import { parisWallTime } from '../../../src/lib/domain/agenda/paris-time.ts';
import {
	AUDIT_PAGE_SIZE,
	type AuditLine,
	type AuditPage,
	type AuditQuery
} from '../../../src/lib/domain/backoffice/audit/audit-query.ts';
import type { Db } from '../../db/database.ts';

const nextDay = (day: string) =>
	new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function parsed(json: string | null): unknown {
	if (json === null) return null;
	try {
		return JSON.parse(json) as unknown;
	} catch {
		return json;
	}
}

/**
 * One page of the audit log, newest first: the days are Paris days; one row more than a page is
 * read to know whether another page follows. The filters use the log's indexes (at, account,
 * target); the page is bounded by AUDIT_PAGE_SIZE and its number by the schema.
 */
export async function readAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
	let select = db
		.selectFrom('audit_log')
		.innerJoin('account', 'account.id', 'audit_log.account_id')
		.innerJoin('person', 'person.id', 'account.person_id')
		.select([
			'audit_log.id',
			'audit_log.at',
			'audit_log.account_id',
			'audit_log.action',
			'audit_log.target_type',
			'audit_log.target_id',
			'audit_log.household_id',
			'audit_log.summary',
			'audit_log.before_json',
			'audit_log.after_json',
			'account.username',
			'person.prenom',
			'person.nom_naissance'
		]);
	if (query.agent) select = select.where('audit_log.account_id', '=', query.agent);
	if (query.action) select = select.where('audit_log.action', '=', query.action);
	if (query.cible) select = select.where('audit_log.target_type', '=', query.cible);
	if (query.cibleId) select = select.where('audit_log.target_id', '=', query.cibleId);
	if (query.famille) select = select.where('audit_log.household_id', '=', query.famille);
	if (query.du) select = select.where('audit_log.at', '>=', parisWallTime(query.du, 0).toISOString());
	if (query.au) select = select.where('audit_log.at', '<', parisWallTime(nextDay(query.au), 0).toISOString());
	const rows = await select
		.orderBy('audit_log.id', 'desc')
		.limit(AUDIT_PAGE_SIZE + 1)
		.offset((query.page - 1) * AUDIT_PAGE_SIZE)
		.execute();
	const lines: AuditLine[] = rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({
		id: row.id,
		at: row.at,
		agent: { id: row.account_id, identifiant: row.username, nom: `${row.prenom} ${row.nom_naissance}` },
		action: row.action,
		targetType: row.target_type,
		targetId: row.target_id,
		householdId: row.household_id,
		summary: row.summary,
		before: parsed(row.before_json),
		after: parsed(row.after_json)
	}));
	return { lines, page: query.page, hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/** The agents who appear in the filter's list (every agent's account, few). */
export function auditAgents(db: Db) {
	return db
		.selectFrom('account')
		.innerJoin('person', 'person.id', 'account.person_id')
		.select(['account.id', 'account.username as identifiant', 'person.prenom', 'person.nom_naissance as nom'])
		.where('account.role', 'in', ['agent', 'administrateur'])
		.orderBy('person.nom_naissance')
		.limit(500)
		.execute();
}
