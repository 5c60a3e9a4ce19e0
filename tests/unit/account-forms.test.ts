import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
	activationSchema,
	emailChangeSchema,
	loginSchema,
	passwordResetSchema,
	recoverySchema,
	tokenSchema
} from '../../src/lib/domain/accounts/account-forms.ts';
import { identitySchema } from '../../src/lib/domain/accounts/identity.ts';
import { fieldErrors } from '../../src/lib/domain/forms/field-errors.ts';
import { longestStringWork } from '../server/support/string-work.ts';

const errors = (schema: z.ZodType, input: unknown) => {
	const result = schema.safeParse(input);
	return result.success ? {} : fieldErrors(result.error);
};

describe('the sign-in form', () => {
	it('flags both empty fields at once, a field of spaces being empty', () => {
		const both = { identifiant: 'Ce champ est obligatoire.', motDePasse: 'Ce champ est obligatoire.' };
		expect(errors(loginSchema, { identifiant: '', motDePasse: '' })).toEqual(both);
		expect(errors(loginSchema, { identifiant: '   ', motDePasse: '' })).toEqual(both);
		expect(errors(loginSchema, {})).toEqual(both);
	});

	it('compares the identifier trimmed and in lower case, the password as typed', () => {
		expect(loginSchema.parse({ identifiant: ' Pascal.DUPIN ', motDePasse: ' Secret ' })).toEqual({
			identifiant: 'pascal.dupin',
			motDePasse: ' Secret '
		});
	});
});

describe('hostile lengths', () => {
	// A megabyte in every text field: each is refused on its raw length before being trimmed,
	// lower-cased or normalised (U+FDFA is 18 characters once NFKC-normalised).
	const huge = '\uFDFA'.repeat(300_000);
	const jeton = 'a'.repeat(52);
	const date = { jour: huge, mois: huge, annee: huge };
	const cases: [string, z.ZodType, unknown, string[]][] = [
		['login', loginSchema, { identifiant: huge, motDePasse: huge }, ['identifiant', 'motDePasse']],
		[
			'activation',
			activationSchema,
			{ jeton, identifiant: huge, motDePasse: huge, confirmation: huge },
			['identifiant', 'motDePasse', 'confirmation']
		],
		[
			'password reset',
			passwordResetSchema,
			{ jeton: huge, motDePasse: huge, confirmation: huge },
			['jeton', 'motDePasse', 'confirmation']
		],
		['recovery by e-mail', recoverySchema, { perdu: 'identifiant', courriel: huge }, ['courriel']],
		[
			'recovery of a password',
			recoverySchema,
			{ perdu: 'mot-de-passe', courriel: huge, identifiant: huge },
			['courriel', 'identifiant']
		],
		['e-mail change', emailChangeSchema, { courriel: huge }, ['courriel']],
		['link', tokenSchema, { jeton: huge }, ['jeton']],
		[
			'identity',
			identitySchema('2026-11-28'),
			{
				civilite: 'Madame',
				nomNaissance: huge,
				prenom: huge,
				prenom2: huge,
				dateNaissance: date,
				paysNaissance: huge,
				communeNaissance: huge,
				departementNaissance: huge,
				email: huge
			},
			['nomNaissance', 'prenom', 'prenom2', 'dateNaissance', 'paysNaissance', 'email']
		]
	];

	for (const [name, schema, input, fields] of cases) {
		it(`are refused unread by the ${name} form, with a French message on each field`, async () => {
			let found: Record<string, string> = {};
			const longest = await longestStringWork(() => (found = errors(schema, input)));
			expect(longest).toBeLessThanOrEqual(4096);
			for (const field of fields) expect(found[field], field).toMatch(/^[A-ZÀ-Ÿ0-9].*\.$/u);
		});
	}
});
