import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/app-env.ts';
import { administratorsOnly, agentsOnly } from './agent-guard.ts';
import { agentsRoutes } from './agents/agents-routes.ts';
import { auditRoutes } from './audit/audit-routes.ts';
import { dashboardRoutes } from './dashboard/dashboard-routes.ts';
import { demandesExportRoutes } from './demandes/demandes-export-routes.ts';
import { demandesRoutes } from './demandes/demandes-routes.ts';
import { documentsRoutes } from './documents/documents-routes.ts';
import { famillesRoutes } from './familles/familles-routes.ts';

/**
 * The back office's API, under /api/admin: agents only (401 signed out, 403 for a family), checked
 * once here before any sub-router runs; the agents' accounts and the audit log are for
 * administrators. Every action that changes data writes its audit line (audit-log.ts).
 */
export function adminRoutes(deps: AppDeps) {
	return new Hono<AppEnv>()
		.use(agentsOnly)
		.use('/agents', administratorsOnly)
		.use('/agents/*', administratorsOnly)
		.use('/audit', administratorsOnly)
		.use('/audit/*', administratorsOnly)
		.route('/dashboard', dashboardRoutes(deps))
		.route('/demandes/export', demandesExportRoutes(deps))
		.route('/demandes', demandesRoutes(deps))
		.route('/documents', documentsRoutes(deps))
		.route('/familles', famillesRoutes(deps))
		.route('/agents', agentsRoutes(deps))
		.route('/audit', auditRoutes(deps));
}
