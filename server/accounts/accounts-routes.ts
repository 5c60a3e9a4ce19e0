import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
	activationSchema,
	loginSchema,
	passwordResetSchema,
	recoverySchema,
	tokenSchema,
	usernameCheckSchema
} from '../../src/lib/domain/accounts/account-forms.ts';
import { RAW_FACTOR } from '../../src/lib/domain/accounts/bounded-text.ts';
import { MAX_USERNAME_LENGTH, usernameProblem } from '../../src/lib/domain/accounts/username.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/app-env.ts';
import { clientIp } from '../http/client-ip.ts';
import { validate } from '../http/validate.ts';
import { accountSummary } from './account-summary.ts';
import { newCaptchaChallenge } from './captcha.ts';
import { deviceOf, issueDeviceCookie } from './device-cookie.ts';
import { checkCredentials } from './login-service.ts';
import { resetInfo, resetPassword, startRecovery } from './recovery-service.ts';
import {
	activateAccount,
	activationInfo,
	assertActivationLink,
	isUsernameTaken,
	requestAccount
} from './registration-service.ts';
import { clearSessionCookie, createSession, invalidateSession, setSessionCookie } from './sessions.ts';
import { reserve } from './throttle.ts';
import { PASSWORD_LINK, USERNAME_CHECK, type Budget } from './throttle-budgets.ts';
import { hashToken } from './tokens.ts';

// Each part is checked by its own rule, with a French message: the identity by its schema, the
// captcha (absent when the box was not ticked) by verifyCaptcha.
const registrationBody = z.object({ identity: z.unknown(), captcha: z.unknown().optional() });

const BAD_LINK = { code: 'invalid_token', message: 'Lien invalide ou incomplet.' };

/**
 * A new session for the account, its cookie set, this browser's device cookie renewed (see
 * device-cookie.ts), and who is now signed in.
 */
async function signIn(deps: AppDeps, c: Context, accountId: number) {
	const { token, session } = await createSession(deps.db, deps.clock, accountId);
	setSessionCookie(c, deps.config, token, session, deps.clock.now());
	await issueDeviceCookie(deps, c, accountId);
	return { account: await accountSummary(deps.db, accountId) };
}

/** Requests made with a link, limited per link (known by its hash, as stored) and per address. */
async function limitLinkRequests(deps: AppDeps, c: Context, budget: Budget, token: string) {
	await reserve(deps.db, deps.clock, budget, hashToken(token), clientIp(c, deps.config.trustProxy));
}

/** Account creation, activation and recovery (manual §2). */
export function accountsRoutes(deps: AppDeps) {
	return new Hono<AppEnv>()
		.get('/captcha', async (c) => c.json(await newCaptchaChallenge(deps.db)))
		.post('/registrations', validate('json', registrationBody), async (c) => {
			const body = c.req.valid('json');
			const ip = clientIp(c, deps.config.trustProxy);
			await requestAccount(deps, { identity: body.identity, captcha: body.captcha }, ip);
			return c.json({ status: 'sent' }, 202);
		})
		.get('/activation', validate('query', tokenSchema, BAD_LINK), async (c) =>
			c.json(await activationInfo(deps, c.req.valid('query').jeton))
		)
		.get('/activation/identifiant', validate('query', usernameCheckSchema, BAD_LINK), async (c) => {
			// Whether a name is free tells whether an account has it: a few tries per link and address.
			const { jeton, identifiant } = c.req.valid('query');
			await limitLinkRequests(deps, c, USERNAME_CHECK, jeton);
			await assertActivationLink(deps, jeton);
			// Only as much as a username can hold is read (the pattern then refuses what is too long).
			const typed = identifiant.slice(0, MAX_USERNAME_LENGTH * RAW_FACTOR);
			const username = typed.trim().toLowerCase();
			const problem = usernameProblem(username);
			const disponible = !problem && !(await isUsernameTaken(deps.db, username));
			return c.json({ identifiant: username, disponible, ...(problem ? { probleme: problem } : {}) });
		})
		.post('/activation', validate('json', activationSchema), async (c) => {
			const input = c.req.valid('json');
			await limitLinkRequests(deps, c, PASSWORD_LINK, input.jeton);
			const accountId = await activateAccount(deps, input);
			return c.json(await signIn(deps, c, accountId), 201);
		})
		.post('/recovery', validate('json', recoverySchema), async (c) => {
			const input = c.req.valid('json');
			await startRecovery(deps, input, clientIp(c, deps.config.trustProxy));
			return c.json({ status: 'sent' }, 202);
		})
		.get('/password-reset', validate('query', tokenSchema, BAD_LINK), async (c) =>
			c.json(await resetInfo(deps, c.req.valid('query').jeton))
		)
		.post('/password-reset', validate('json', passwordResetSchema), async (c) => {
			const input = c.req.valid('json');
			await limitLinkRequests(deps, c, PASSWORD_LINK, input.jeton);
			const accountId = await resetPassword(deps, input);
			return c.json(await signIn(deps, c, accountId));
		});
}

/** Sign-in, the current session, sign-out (manual §2.2 and §3.7). */
export function authRoutes(deps: AppDeps) {
	return new Hono<AppEnv>()
		.get('/session', async (c) => {
			const account = c.get('account');
			return c.json({
				account: account ? await accountSummary(deps.db, account.id) : null,
				demo: deps.config.demo
			});
		})
		.post('/login', validate('json', loginSchema), async (c) => {
			const input = c.req.valid('json');
			const ip = clientIp(c, deps.config.trustProxy);
			const accountId = await checkCredentials(deps, input, ip, await deviceOf(deps, c));
			// A new token at every sign-in: a token planted before sign-in is worth nothing after.
			const previous = c.get('session');
			if (previous) await invalidateSession(deps.db, previous.id);
			return c.json(await signIn(deps, c, accountId));
		})
		.post('/logout', async (c) => {
			const session = c.get('session');
			if (session) await invalidateSession(deps.db, session.id);
			clearSessionCookie(c, deps.config);
			return c.json({ account: null });
		});
}
