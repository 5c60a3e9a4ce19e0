import { Hono } from 'hono';
import { z } from 'zod';
import { SYNC_SCHEMA_VERSION } from '../../src/lib/domain/sync/protocol.ts';
import { requireAccount } from '../accounts/session-middleware.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/app-env.ts';
import { AppError } from '../http/errors.ts';
import { jsonAnswer } from '../http/json-answer.ts';
import { validate } from '../http/validate.ts';
import { resourceVersionReader } from '../sync/resource-version.ts';
import { messagesSnapshot } from './messages-snapshot.ts';

const schemaVersion = 'Version de synchronisation absente ou invalide : rechargez la page.';
const pullQuery = z.object({
	schemaVersion: z.coerce.number({ error: schemaVersion }).int({ error: schemaVersion }),
	known: z
		.string()
		.regex(/^(0|[1-9][0-9]{0,14})$/, 'Version connue invalide : rechargez la page.')
		.transform(Number)
		.optional()
});

/**
 * Échanges (manual §3.1): the household's threads with the town, pulled by version as Mes
 * demandes is. The version is one indexed read; a device that has it gets `unchanged`. The whole
 * answer is built when it changed (two bounded queries) and not kept in memory: it changes with
 * every message read or written, unlike the demandes.
 */
export function messagesRoutes(deps: AppDeps) {
	const readVersion = resourceVersionReader(deps.db);
	return new Hono<AppEnv>().get(
		'/pull',
		validate('query', pullQuery, { code: 'invalid_query' }),
		async (c) => {
			const account = requireAccount(c.get('account'));
			const { schemaVersion, known } = c.req.valid('query');
			if (schemaVersion !== SYNC_SCHEMA_VERSION) {
				throw new AppError(
					409,
					'client_outdated',
					'Une nouvelle version du portail est disponible : rechargez la page pour synchroniser.'
				);
			}
			const version = await readVersion(account.householdId, 'messages');
			if (known === version) return jsonAnswer(c, { version, unchanged: true as const });
			return jsonAnswer(c, await messagesSnapshot(deps.db, account.householdId, version));
		}
	);
}
