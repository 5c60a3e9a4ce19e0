import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { z } from 'zod';
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

/**
 * The widget's payload must have this shape before it is read: base64 of anything (`null`, a
 * number, an array, a challenge without parameters…) is a failed captcha, never a 500. Loose, so
 * the parameters are checked by their signature exactly as they were signed.
 */
const payloadShape = z.object({
	challenge: z.looseObject({
		parameters: z.looseObject({
			algorithm: z.string(),
			nonce: z.string().min(1),
			salt: z.string(),
			cost: z.number(),
			keyLength: z.number(),
			keyPrefix: z.string(),
			expiresAt: z.number().optional()
		}),
		signature: z.string().optional()
	}),
	solution: z.looseObject({ counter: z.number(), derivedKey: z.string() })
});

const refuse = () => new AppError(400, 'captcha_failed', CAPTCHA_ERROR, { captcha: CAPTCHA_ERROR });

function decode(payload: unknown): z.infer<typeof payloadShape> {
	if (typeof payload !== 'string' || payload.length > 4000) throw refuse();
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
	} catch {
		throw refuse();
	}
	const shaped = payloadShape.safeParse(parsed);
	if (!shaped.success) throw refuse();
	return shaped.data;
}

/** Checks the widget's payload and gives the challenge's nonce to spend; a 400 on the captcha field otherwise. */
export async function verifyCaptcha(db: Db, payload: unknown): Promise<string> {
	const { challenge, solution } = decode(payload);
	const verified = await verifySolution({
		challenge,
		solution,
		deriveKey,
		...(await secrets(db))
	}).then(
		(result) => result.verified,
		() => false
	);
	if (!verified) throw refuse();
	return challenge.parameters.nonce;
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
