import { describe, expect, it } from 'vitest';
import { identitySchema, type IdentityInput } from '../../src/lib/domain/accounts/identity.ts';
import { fieldErrors } from '../../src/lib/domain/forms/field-errors.ts';

const TODAY = '2026-11-28';
const pascal: IdentityInput = {
	civilite: 'Monsieur',
	nomNaissance: ' Dupin ',
	prenom: 'Pascal',
	prenom2: '',
	dateNaissance: { jour: '1', mois: '01', annee: '1971' },
	paysNaissance: 'France',
	communeNaissance: 'LYON 04',
	departementNaissance: '69',
	email: ' Dupin@Example.COM '
};
const errors = (patch: Partial<IdentityInput>) => {
	const result = identitySchema(TODAY).safeParse({ ...pascal, ...patch });
	return result.success ? {} : fieldErrors(result.error);
};

describe('identity step of the account creation', () => {
	it('normalises what was typed', () => {
		expect(identitySchema(TODAY).parse(pascal)).toMatchObject({
			nomNaissance: 'Dupin',
			prenom2: undefined,
			dateNaissance: '1971-01-01',
			email: 'dupin@example.com'
		});
	});

	it('ties each problem to its field, in French', () => {
		expect(errors({ nomNaissance: '' })).toEqual({ nomNaissance: 'Ce champ est obligatoire.' });
		expect(errors({ email: 'dupin@' }).email).toMatch(/^Adresse électronique invalide/);
		expect(errors({ dateNaissance: { jour: '31', mois: '02', annee: '1971' } }).dateNaissance).toMatch(
			/^Date invalide/
		);
		expect(errors({ dateNaissance: { jour: '', mois: '', annee: '' } }).dateNaissance).toBe(
			'Ce champ est obligatoire.'
		);
		expect(errors({ dateNaissance: { jour: '29', mois: '11', annee: '2026' } }).dateNaissance).toBe(
			'La date de naissance doit être passée.'
		);
	});

	it('says a year before 1900 is to check, not that the date must be past', () => {
		expect(errors({ dateNaissance: { jour: '12', mois: '03', annee: '1800' } }).dateNaissance).toBe(
			'Année de naissance à vérifier : elle ne peut pas être avant 1900.'
		);
		expect(errors({ dateNaissance: { jour: '31', mois: '12', annee: '1899' } }).dateNaissance).toMatch(
			/^Année de naissance à vérifier/
		);
		expect(errors({ dateNaissance: { jour: '01', mois: '01', annee: '1900' } })).toEqual({});
		expect(errors({ dateNaissance: { jour: ' 28 ', mois: '11 ', annee: ' 2026' } })).toEqual({});
	});

	it('needs the département only for a birth in France', () => {
		expect(errors({ departementNaissance: '' })).toEqual({
			departementNaissance: 'Obligatoire pour une naissance en France.'
		});
		expect(errors({ departementNaissance: '99' }).departementNaissance).toMatch(
			/^Numéro de département invalide/
		);
		expect(errors({ departementNaissance: '2A' })).toEqual({});
		expect(errors({ departementNaissance: '974' })).toEqual({});
		expect(errors({ paysNaissance: 'Belgique', departementNaissance: '' })).toEqual({});
	});
});

describe('every problem at the first press', () => {
	it('checks the département even when the date and the e-mail are wrong', () => {
		expect(
			errors({
				dateNaissance: { jour: '31', mois: '02', annee: '2030' },
				departementNaissance: '999',
				email: 'elodie@'
			})
		).toEqual({
			dateNaissance: expect.stringMatching(/^Date invalide/),
			departementNaissance: expect.stringMatching(/^Numéro de département invalide/),
			email: expect.stringMatching(/^Adresse électronique invalide/)
		});
		expect(errors({ civilite: '' as 'Madame', nomNaissance: '', departementNaissance: '' })).toEqual({
			civilite: 'Choisissez Monsieur ou Madame.',
			nomNaissance: 'Ce champ est obligatoire.',
			departementNaissance: 'Obligatoire pour une naissance en France.'
		});
	});

	it('says nothing of the département while the country itself is to fix', () => {
		expect(errors({ paysNaissance: '', departementNaissance: '' })).toEqual({
			paysNaissance: 'Ce champ est obligatoire.'
		});
	});
});
