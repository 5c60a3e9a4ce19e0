import type { Algorithm } from '@node-rs/argon2';
import { normalizePassword } from '../../src/lib/domain/accounts/password-policy.ts';

/** Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane); the parameters live in each hash. */
// 2 is Algorithm.Argon2id (a const enum, which cannot be read under verbatimModuleSyntax).
export const ARGON2_OPTIONS = {
	algorithm: 2 as Algorithm.Argon2id,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1
} as const;

// Loaded at the first sign-in or registration, not at start: its native library and threads cost the
// idle server about 4 MiB (issue 11).
let argon2: Promise<typeof import('@node-rs/argon2')> | null = null;
const loadArgon2 = () => (argon2 ??= import('@node-rs/argon2'));

export async function hashPassword(password: string): Promise<string> {
	return (await loadArgon2()).hash(normalizePassword(password), ARGON2_OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
	try {
		return await (await loadArgon2()).verify(hashed, normalizePassword(password));
	} catch {
		return false;
	}
}

/**
 * A real hash of nothing, verified when the account does not exist, so that "unknown user" and
 * "wrong password" take the same time.
 */
let decoy: Promise<string> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<false> {
	decoy ??= hashPassword('decoy-password-never-valid');
	await verifyPassword(await decoy, password);
	return false;
}
