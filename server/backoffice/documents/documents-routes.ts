import { Hono } from 'hono';
import {
	documentDecisionSchema,
	expiryRefusal
} from '../../../src/lib/domain/backoffice/documents/document-decision.ts';
import {
	documentIdParamSchema,
	documentQueueQuerySchema
} from '../../../src/lib/domain/backoffice/documents/document-queue.ts';
import { parisDate } from '../../../src/lib/domain/agenda/paris-time.ts';
import type { AppDeps } from '../../deps.ts';
import { uploadDirs } from '../../documents/upload-dirs.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { AppError } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import { requireAgent } from '../agent-guard.ts';
import { decideDocument } from './document-decision.ts';
import { agentDocumentFile } from './document-file.ts';
import { findAdminDocument, listQueue } from './document-queue.ts';

const notFound = () => new AppError(404, 'not_found', 'Justificatif introuvable.');

/** An id that is not a positive integer names no document: 404, as an unknown one. */
function documentId(raw: string): number {
	const parsed = documentIdParamSchema.safeParse({ id: raw });
	if (!parsed.success || !/^\d{1,10}$/.test(raw)) throw notFound();
	return parsed.data.id;
}

/** Justificatifs to validate: list, view the file, decide Valide / Invalide. */
export function documentsRoutes(deps: AppDeps) {
	const dirs = uploadDirs(deps.config.dataDir, deps.config.appDir);
	return new Hono<AppEnv>()
		.get('/', validate('query', documentQueueQuerySchema), async (c) =>
			c.json(await listQueue(deps.db, c.req.valid('query'), deps.clock.now()))
		)
		.get('/:id', async (c) => {
			const document = await findAdminDocument(deps.db, documentId(c.req.param('id')), deps.clock.now());
			if (!document) throw notFound();
			return c.json({ document });
		})
		.get('/:id/fichier', async (c) => agentDocumentFile(c, deps.db, dirs, documentId(c.req.param('id'))))
		.post(
			'/:id/decision',
			// The id first: an unknown one is 404 whatever the body says.
			async (c, next) => {
				documentId(c.req.param('id'));
				await next();
			},
			validate('json', documentDecisionSchema),
			async (c) => {
				const agent = requireAgent(c.get('account'));
				const decision = c.req.valid('json');
				const fields = expiryRefusal(decision, parisDate(deps.clock.now()));
				if (fields) throw new AppError(400, 'invalid_fields', 'Certains champs sont à corriger.', fields);
				const id = documentId(c.req.param('id'));
				return c.json(await decideDocument(deps, agent.id, id, decision));
			}
		);
}
