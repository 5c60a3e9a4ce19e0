import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { serverSecret } from './server-secrets.ts';

/**
 * ALTCHA proof of work, self-hosted: no third party, nothing to read or listen to. A challenge is
 * signed (so it cannot be forged), expires after 10 minutes, and is accepted once (its nonce is
 * stored when spent). Expiry uses the real time, not the app clock: it is cryptography, not a rule
 * of the town.
 */
const LIFETIME_MS = 10 * 60 * 1000;
/** The captcha's own time, for its expiry and for purging what it spent. */
export const captchaNow = () => new Date();
export const CAPTCHA_ERROR = 'La vérification anti-robot a échoué ou a expiré : cochez à nouveau la case.';

async function secrets(db: Db) {
	return {
		hmacSignatureSecret: await serverSecret(db, 'altcha-signature'),
		hmacKeySignatureSecret: await serverSecret(db, 'altcha-key-signature')
	};
}

export async function newCaptchaChallenge(db: Db) {
	return createChallenge({
		algorithm: 'SHA-256',
		cost: 1,
		counter: randomInt(5000, 10000),
		deriveKey,
		expiresAt: new Date(captchaNow().getTime() + LIFETIME_MS),
		...(await secrets(db))
	});
}

type Payload = {
	challenge: Parameters<typeof verifySolution>[0]['challenge'];
	solution: Parameters<typeof verifySolution>[0]['solution'];
};

const refuse = () => new AppError(400, 'captcha_failed', CAPTCHA_ERROR, { captcha: CAPTCHA_ERROR });

/** Checks the widget's payload and gives the challenge's nonce to spend; a 400 on the captcha field otherwise. */
export async function verifyCaptcha(db: Db, payload: unknown): Promise<string> {
	if (typeof payload !== 'string' || payload.length > 4000) throw refuse();
	let parsed: Payload;
	try {
		parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Payload;
	} catch {
		throw refuse();
	}
	const result = await verifySolution({
		challenge: parsed.challenge,
		solution: parsed.solution,
		deriveKey,
		...(await secrets(db))
	}).catch(() => null);
	if (!result?.verified) throw refuse();
	return String(parsed.challenge.parameters.nonce);
}

/**
 * Spends a verified challenge (the 400 of verifyCaptcha when it was spent already): it is kept
 * until it would have expired, then purged.
 */
export async function spendCaptcha(db: Db, nonce: string): Promise<void> {
	const spent = await db
		.insertInto('captcha_spent')
		.values({ signature: nonce, expires_at: new Date(captchaNow().getTime() + LIFETIME_MS).toISOString() })
		.onConflict((oc) => oc.doNothing())
		.executeTakeFirst();
	if (Number(spent.numInsertedOrUpdatedRows ?? 0) !== 1) throw refuse();
}
