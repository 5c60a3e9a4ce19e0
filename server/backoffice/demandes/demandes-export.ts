import {
	EXPORT_CHUNK_ROWS,
	EXPORT_MAX_ROWS,
	csvCutNotice,
	csvHeader,
	csvLine,
	demandeCells,
	type ExportRow
} from '../../../src/lib/domain/backoffice/demandes/demandes-csv.ts';
import type { QueueQuery } from '../../../src/lib/domain/backoffice/demandes/queue-query.ts';
import type { Db } from '../../db/database.ts';
import { queueRows, queueTotal } from './demandes-queue.ts';

/** The queue's rows and their last change (the export's "Dernière mise à jour"). */
async function withUpdatedAt(db: Db, rows: Awaited<ReturnType<typeof queueRows>>): Promise<ExportRow[]> {
	if (rows.length === 0) return [];
	const updated = await db
		.selectFrom('demande')
		.select(['id', 'updated_at'])
		.where(
			'id',
			'in',
			rows.map((r) => r.id)
		)
		.execute();
	const at = new Map(updated.map((u) => [u.id, u.updated_at]));
	return rows.map((r) => ({ ...r, updatedAt: at.get(r.id) ?? '' }));
}

/**
 * GET /api/admin/demandes/export: the whole filtered queue, in its order, as CSV text. Read by
 * chunks of EXPORT_CHUNK_ROWS with a yield between them, so other requests are answered while a
 * large export is built; at most EXPORT_MAX_ROWS rows, then a line says the file is cut.
 */
export async function demandesCsv(
	db: Db,
	query: Omit<QueueQuery, 'page'>,
	agentAccountId: number
): Promise<string> {
	const total = await queueTotal(db, query, agentAccountId);
	const parts = [csvHeader()];
	const wanted = Math.min(total, EXPORT_MAX_ROWS);
	for (let offset = 0; offset < wanted; offset += EXPORT_CHUNK_ROWS) {
		await new Promise((resolve) => setImmediate(resolve));
		const limit = Math.min(EXPORT_CHUNK_ROWS, wanted - offset);
		const rows = await withUpdatedAt(db, await queueRows(db, query, agentAccountId, offset, limit));
		for (const row of rows) parts.push(csvLine(demandeCells(row)));
		if (rows.length < limit) break;
	}
	if (total > EXPORT_MAX_ROWS) parts.push(csvCutNotice(total));
	return parts.join('');
}
