import { Hono } from 'hono';
import { exportFileName, exportQuery } from '../../../src/lib/domain/backoffice/demandes/demandes-csv.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { validate } from '../../http/validate.ts';
import { requireAgent } from '../agent-guard.ts';
import { demandesCsv } from './demandes-export.ts';
import { ExportGate } from './export-gate.ts';

/** The queue's CSV export, mounted at /api/admin/demandes/export (the queue's filters and order). */
export function demandesExportRoutes(deps: AppDeps, gate = new ExportGate()) {
	return new Hono<AppEnv>().get('/', validate('query', exportQuery), async (c) => {
		const agent = requireAgent(c.get('account'));
		const release = gate.enter(agent.id);
		let csv: string;
		try {
			csv = await demandesCsv(deps.db, c.req.valid('query'), agent.id);
		} finally {
			release();
		}
		return c.body(csv, 200, {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${exportFileName(deps.clock.now())}"`,
			'Cache-Control': 'no-store'
		});
	});
}
