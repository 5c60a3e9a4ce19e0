import { Hono } from 'hono';
import { auditQuerySchema } from '../../../src/lib/domain/backoffice/audit/audit-query.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { validate } from '../../http/validate.ts';
import { auditAgents, readAudit } from './audit-reader.ts';

/** The audit log, read and filtered by administrators (admin-routes.ts); never written here. */
export function auditRoutes(deps: AppDeps) {
	return new Hono<AppEnv>().get('/', validate('query', auditQuerySchema), async (c) =>
		c.json({ ...(await readAudit(deps.db, c.req.valid('query'))), agents: await auditAgents(deps.db) })
	);
}
