import { describe, expect, it } from 'vitest';
import {
	checkPassword,
	MAX_RAW_LENGTH,
	normalizePassword,
	passwordProblem
} from '../../src/lib/domain/accounts/password-policy.ts';
import { longestStringWork } from '../server/support/string-work.ts';

describe('password policy', () => {
	it("accepts the manual's rule: 8+ characters with upper, lower and digit", () => {
		expect(passwordProblem('Hesdigneul62')).toBeNull();
		expect(passwordProblem('Ab3defgh')).toBeNull();
	});

	it('refuses a short or incomplete password with one French reason', () => {
		for (const weak of ['Ab3defg', 'abcdefgh1', 'ABCDEFGH1', 'Abcdefghi']) {
			expect(passwordProblem(weak)).toMatch(
				/au moins 8 caractères avec une majuscule, une minuscule et un chiffre/
			);
		}
		expect(passwordProblem('')).toBe('Ce champ est obligatoire.');
	});

	it('accepts a passphrase of 15+ characters with no composition rule', () => {
		expect(passwordProblem('le chat dort sur le toit')).toBeNull();
		expect(passwordProblem('quatorze lettr')).not.toBeNull();
	});

	it('accepts every character: accents, spaces, symbols, emoji, up to 256', () => {
		expect(passwordProblem('Été-à-Hesdigneul 2026 ! ~ € 😀')).toBeNull();
		expect(passwordProblem(`Aa1${'é'.repeat(200)}`)).toBeNull();
		expect(passwordProblem(`Aa1${'x'.repeat(300)}`)).toBe('256 caractères au maximum.');
	});

	it('counts upper and lower case letters beyond ASCII', () => {
		expect(checkPassword('ÉCOLEécole1')).toMatchObject({
			upper: true,
			lower: true,
			digit: true,
			length: true
		});
	});

	it('refuses the most common passwords whatever their case', () => {
		expect(passwordProblem('Azerty123')).toBe('Ce mot de passe est trop courant : choisissez-en un autre.');
		expect(passwordProblem('PASSWORD1')).toMatch(/trop courant/);
		expect(passwordProblem('motdepassemotdepasse')).toMatch(/trop courant/);
	});

	it('compares after Unicode normalisation (NFKC)', () => {
		// "é" typed as e + combining accent is the same password as the precomposed "é".
		expect(checkPassword('Cafe\u0301Noir2026')).toEqual(checkPassword('CaféNoir2026'));
	});
});

describe('a hostile length', () => {
	// U+FDFA becomes 18 characters under NFKC: a megabyte of it cost seconds and hundreds of MB.
	const huge = '\uFDFA'.repeat(400_000);

	it('is refused before anything normalises it', async () => {
		let problem: string | null = null;
		expect(await longestStringWork(() => (problem = passwordProblem(huge)))).toBeLessThanOrEqual(
			MAX_RAW_LENGTH
		);
		expect(problem).toBe('256 caractères au maximum.');
		expect(() => normalizePassword(huge)).toThrow(RangeError);
	});

	it('still gives the checklist for its beginning, reading no more than that', async () => {
		let check: ReturnType<typeof checkPassword> | undefined;
		const longest = await longestStringWork(() => (check = checkPassword(`Aa1${'x'.repeat(1_000_000)}`)));
		expect(longest).toBeLessThanOrEqual(MAX_RAW_LENGTH);
		expect(check).toMatchObject({ upper: true, lower: true, digit: true, notTooLong: false });
	});

	it('is not refused when only combining accents make it longer than 256 units', () => {
		// 200 "é" typed as e + combining acute: 400 UTF-16 units, 200 characters once normalised.
		expect(passwordProblem(`Aa1${'e\u0301'.repeat(200)}`)).toBeNull();
	});
});
