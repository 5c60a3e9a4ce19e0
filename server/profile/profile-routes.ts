import { Hono } from 'hono';
import { emailChangeSchema, tokenSchema } from '../../src/lib/domain/accounts/account-forms.ts';
import { addressSchema } from '../../src/lib/domain/profile/address.ts';
import { phonesSchema } from '../../src/lib/domain/profile/contact.ts';
import { socialSchema } from '../../src/lib/domain/profile/social.ts';
import { requireAccount } from '../accounts/session-middleware.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/app-env.ts';
import { AppError } from '../http/errors.ts';
import { jsonAnswer } from '../http/json-answer.ts';
import { validate } from '../http/validate.ts';
import { confirmEmailChange, requestEmailChange } from './email-change-service.ts';
import {
	addAddress,
	deleteAddress,
	readProfile,
	saveSocial,
	savePhones,
	updateAddress
} from './profile-service.ts';

function addressId(raw: string): number {
	const id = Number(raw);
	if (!Number.isSafeInteger(id) || id <= 0) throw new AppError(404, 'not_found', 'Adresse introuvable.');
	return id;
}

/** A malformed token is a bad link, as on the other link routes (not a form's "champs à corriger"). */
const BAD_LINK = { code: 'invalid_token', message: 'Lien invalide ou incomplet.' };

/** "Mon profil" (manual §3.5): every route works on the signed-in household only. */
export function profileRoutes(deps: AppDeps) {
	const now = () => deps.clock.now().toISOString();
	return new Hono<AppEnv>()
		.post('/email/confirm', validate('json', tokenSchema, BAD_LINK), async (c) => {
			// The link may be opened on another device: the token alone proves the mailbox.
			const { jeton } = c.req.valid('json');
			return c.json(await confirmEmailChange(deps, jeton));
		})
		.use(async (c, next) => {
			requireAccount(c.get('account'));
			await next();
		})
		.get('/', async (c) => jsonAnswer(c, await readProfile(deps.db, requireAccount(c.get('account')))))
		.put('/phones', validate('json', phonesSchema), async (c) => {
			const account = requireAccount(c.get('account'));
			await savePhones(deps.db, account, c.req.valid('json'));
			return jsonAnswer(c, await readProfile(deps.db, account));
		})
		.post('/addresses', validate('json', addressSchema), async (c) => {
			const account = requireAccount(c.get('account'));
			await addAddress(deps.db, account, c.req.valid('json'), now());
			return jsonAnswer(c, await readProfile(deps.db, account), 201);
		})
		.put('/addresses/:id', validate('json', addressSchema), async (c) => {
			const account = requireAccount(c.get('account'));
			const id = addressId(c.req.param('id'));
			await updateAddress(deps.db, account, id, c.req.valid('json'), now());
			return jsonAnswer(c, await readProfile(deps.db, account));
		})
		.delete('/addresses/:id', async (c) => {
			const account = requireAccount(c.get('account'));
			await deleteAddress(deps.db, account, addressId(c.req.param('id')));
			return jsonAnswer(c, await readProfile(deps.db, account));
		})
		.put('/social', validate('json', socialSchema), async (c) => {
			const account = requireAccount(c.get('account'));
			await saveSocial(deps.db, account, c.req.valid('json'), now());
			return jsonAnswer(c, await readProfile(deps.db, account));
		})
		.post('/email', validate('json', emailChangeSchema), async (c) => {
			const account = requireAccount(c.get('account'));
			const { courriel } = c.req.valid('json');
			await requestEmailChange(deps, account, courriel);
			return jsonAnswer(c, await readProfile(deps.db, account), 202);
		});
}
