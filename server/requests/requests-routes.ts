import { Hono } from 'hono';
import { z } from 'zod';
import { SYNC_SCHEMA_VERSION } from '../../src/lib/domain/sync/protocol.ts';
import { requireAccount } from '../accounts/session-middleware.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/app-env.ts';
import { AppError } from '../http/errors.ts';
import { jsonAnswer } from '../http/json-answer.ts';
import { validate } from '../http/validate.ts';
import { hallWindow, listHallDays } from './hall-days.ts';
import { requestsAnswers } from './requests-answers.ts';

const schemaVersion = 'Version de synchronisation absente ou invalide : rechargez la page.';
const pullQuery = z.object({
	schemaVersion: z.coerce.number({ error: schemaVersion }).int({ error: schemaVersion }),
	known: z
		.string()
		.regex(/^(0|[1-9][0-9]{0,14})$/, 'Version connue invalide : rechargez la page.')
		.transform(Number)
		.optional()
});

/** Mes demandes (DESIGN §4): the household's demandes and justificatifs; the hall's taken days. */
export function requestsRoutes(deps: AppDeps) {
	const answers = requestsAnswers(deps.db);
	return new Hono<AppEnv>()
		.get('/pull', validate('query', pullQuery, { code: 'invalid_query' }), async (c) => {
			const account = requireAccount(c.get('account'));
			const { schemaVersion, known } = c.req.valid('query');
			if (schemaVersion !== SYNC_SCHEMA_VERSION) {
				throw new AppError(
					409,
					'client_outdated',
					'Une nouvelle version du portail est disponible : rechargez la page pour synchroniser.'
				);
			}
			// Most pulls ask again for what has not changed: answered without awaiting anything.
			const remembered = answers.remembered(account.householdId, known);
			if (remembered) return remembered.respond(c);
			return (await answers.answer(account.householdId, known)).respond(c);
		})
		.get('/salle-des-fetes/jours', async (c) => {
			requireAccount(c.get('account'));
			const { from, to } = hallWindow(deps.clock.now());
			return jsonAnswer(c, { from, to, days: await listHallDays(deps.db, from, to) });
		});
}
