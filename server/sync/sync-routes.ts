import { Hono } from 'hono';
import { z } from 'zod';
import { fieldErrors } from '../../src/lib/domain/forms/field-errors.ts';
import { MAX_WINDOW_DAYS } from '../../src/lib/domain/sync/pull-bounds.ts';
import { pushRequestSchema, SYNC_SCHEMA_VERSION } from '../../src/lib/domain/sync/protocol.ts';
import { requireAccount } from '../accounts/session-middleware.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/app-env.ts';
import { AppError } from '../http/errors.ts';
import { jsonAnswer } from '../http/json-answer.ts';
import { validate } from '../http/validate.ts';
import { townAgenda } from '../agenda/town-agenda.ts';
import { pullAnswers } from '../read-cache/pull-answers.ts';
import { pullAgenda } from './pull-service.ts';
import { pushMutations } from './push-service.ts';

// Each refusal reads as a sentence for a person: zod's own words ("date ISO invalide") are not one.
const windowDay = z.iso.date({ error: 'Période invalide : les dates sont attendues au format AAAA-MM-JJ.' });
const schemaVersion = 'Version de synchronisation absente ou invalide : rechargez la page.';
const windowSchema = z
	.object({
		from: windowDay,
		to: windowDay,
		schemaVersion: z.coerce.number({ error: schemaVersion }).int({ error: schemaVersion })
	})
	.refine((w) => w.from <= w.to, { message: 'Période invalide : la fin précède le début.' })
	.refine((w) => Date.parse(w.to) - Date.parse(w.from) <= MAX_WINDOW_DAYS * 86400000, {
		message: `Période invalide : au plus ${MAX_WINDOW_DAYS} jours à la fois.`
	});
/** Read first, alone: a client of another version may send a body this version cannot parse. */
const versionOnly = z.looseObject({
	schemaVersion: z.union([z.number(), z.string()], { error: schemaVersion })
});

function assertCurrentClient(schemaVersion: number) {
	if (schemaVersion !== SYNC_SCHEMA_VERSION) {
		throw new AppError(
			409,
			'client_outdated',
			'Une nouvelle version du portail est disponible : rechargez la page pour synchroniser.'
		);
	}
}

/** The sync protocol (DESIGN §4): push the outbox, pull the household's state. */
export function syncRoutes(deps: AppDeps) {
	const pulls = pullAnswers(deps.db, deps.writes);
	const town = townAgenda(deps.db, deps.writes);
	return new Hono<AppEnv>()
		.post('/push', validate('json', versionOnly), async (c) => {
			const account = requireAccount(c.get('account'));
			const body = c.req.valid('json');
			assertCurrentClient(Number(body.schemaVersion));
			// Only now the whole body: a client of another version was told to reload instead.
			const push = pushRequestSchema.safeParse(body);
			if (!push.success) {
				throw new AppError(
					400,
					'invalid_fields',
					'Certains champs sont à corriger.',
					fieldErrors(push.error)
				);
			}
			return jsonAnswer(c, await pushMutations(deps, account, push.data.mutations));
		})
		.get('/pull', validate('query', windowSchema, { code: 'invalid_window' }), async (c) => {
			const account = requireAccount(c.get('account'));
			const { from, to, schemaVersion } = c.req.valid('query');
			assertCurrentClient(schemaVersion);
			// Most pulls ask again for what has not changed: answered without awaiting anything.
			const remembered = pulls.remembered(account.householdId, from, to);
			if (remembered) return remembered.respond(c);
			return pulls
				.answer(account.householdId, from, to, () => pullAgenda(deps, account, from, to, town))
				.then((answer) => answer.respond(c));
		});
}
