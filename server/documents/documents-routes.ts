import { Hono } from 'hono';
import { MAX_UPLOAD_BYTES } from '../../src/lib/domain/documents/document-types.ts';
import { documentIdSchema, uploadQuerySchema } from '../../src/lib/domain/documents/upload-query.ts';
import { requireAccount } from '../accounts/session-middleware.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/app-env.ts';
import { clientIp } from '../http/client-ip.ts';
import { AppError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { downloadDocument } from './download.ts';
import { uploadDirs } from './upload-dirs.ts';
import { tooLarge } from './upload-files.ts';
import { UploadGate } from './upload-gate.ts';
import { uploadDocument } from './upload-service.ts';

const BAD_ID = { code: 'invalid_id', message: 'Identifiant de fichier invalide.' };

/** The declared size, required: a file of unknown size would be read before it could be refused. */
function declaredSize(header: string | undefined): number {
	if (!header || !/^\d{1,16}$/.test(header)) {
		throw new AppError(411, 'length_required', 'La taille du fichier (Content-Length) doit être indiquée.');
	}
	const size = Number(header);
	if (size > MAX_UPLOAD_BYTES) throw tooLarge(MAX_UPLOAD_BYTES);
	return size;
}

/**
 * Justificatifs: `PUT /:clientId?type&name[&personId][&personLabel]` with the file as the body
 * (201 `{ document }`, 200 when that UUID is already the household's), and `GET /:clientId/file`.
 * The state-change guard lets the upload's body past its JSON checks (see RAW_BODY_ROUTES):
 * its size and type are checked here, as it streams.
 */
export function documentsRoutes(deps: AppDeps) {
	const dirs = uploadDirs(deps.config.dataDir, deps.config.appDir);
	const files = { dirs, gate: new UploadGate() };
	return new Hono<AppEnv>()
		.use(async (c, next) => {
			requireAccount(c.get('account'));
			await next();
		})
		.put(
			'/:clientId',
			validate('param', documentIdSchema, BAD_ID),
			validate('query', uploadQuerySchema),
			async (c) => {
				const account = requireAccount(c.get('account'));
				const size = declaredSize(c.req.header('content-length'));
				const answer = await uploadDocument(deps, files, account, {
					clientId: c.req.valid('param').clientId,
					query: c.req.valid('query'),
					size,
					maxBytes: MAX_UPLOAD_BYTES,
					body: c.req.raw.body,
					from: clientIp(c, deps.config.trustProxy)
				});
				return c.json({ document: answer.document }, answer.created ? 201 : 200);
			}
		)
		.get('/:clientId/file', async (c) => {
			const account = requireAccount(c.get('account'));
			const parsed = documentIdSchema.safeParse({ clientId: c.req.param('clientId') });
			if (!parsed.success) throw new AppError(404, 'not_found', 'Justificatif introuvable.');
			return downloadDocument(c, deps.db, dirs, account, parsed.data.clientId);
		});
}
