import { describe, expect, it } from 'vitest';
import { addressInput } from '../../src/lib/components/requests/forms/fiche-enfant/address-input.ts';
import { pickOptions } from '../../src/lib/components/requests/forms/fiche-enfant/choices.ts';
import { isoOfParts, partsOfIso } from '../../src/lib/components/requests/forms/fiche-enfant/date-parts.ts';
import {
	errorsOfPerson,
	onePersonSchema,
	withPerson
} from '../../src/lib/components/requests/forms/fiche-enfant/other-persons.ts';
import { newAddressSchema } from '../../src/lib/domain/requests/forms/address.ts';
import { autresPersonnesStep } from '../../src/lib/domain/requests/forms/fiche-enfant-steps.ts';
import { birthDate } from '../../src/lib/domain/requests/forms/new-person.ts';

describe('a date typed as day / month / year', () => {
	it('is the schemas’ day, one-digit parts padded', () => {
		expect(isoOfParts({ jour: '1', mois: '2', annee: '2019' })).toBe('2019-02-01');
		expect(isoOfParts({ jour: '', mois: ' ', annee: '' })).toBe('');
		expect(partsOfIso('2019-02-01')).toEqual({ jour: '01', mois: '02', annee: '2019' });
		expect(partsOfIso(null)).toEqual({ jour: '', mois: '', annee: '' });
	});

	it('half typed, stays half typed: refused as invalid, not as empty, and shown again as typed', () => {
		const half = isoOfParts({ jour: '12', mois: '', annee: '2019' });
		expect(half).toBe('2019--12');
		const checked = birthDate('2026-12-02').safeParse(half);
		expect(checked.success).toBe(false);
		expect(checked.error?.issues[0]?.message).toMatch(/Date invalide/);
		expect(partsOfIso(half)).toEqual({ jour: '12', mois: '', annee: '2019' });
	});
});

describe('a list to choose from', () => {
	it('keeps the answer a draft holds when the profile does not list it (offline, or gone)', () => {
		const adults = [{ id: 3, label: 'DUPIN Pascal' }];
		expect(pickOptions(adults, { id: 3, label: 'DUPIN Pascal' })).toEqual([
			{ value: '3', label: 'DUPIN Pascal' }
		]);
		expect(pickOptions([], { id: 9, label: 'DUPIN Léa' })).toEqual([{ value: '9', label: 'DUPIN Léa' }]);
		expect(pickOptions(adults, null)).toHaveLength(1);
	});
});

describe('an address added in a form and opened again', () => {
	it('fills the profile’s dialog with text where the draft kept null, and parses back the same', () => {
		const kept = newAddressSchema.parse({
			name: 'Maison',
			country: 'France',
			city: 'HESDIGNEUL LES BOULOGNE',
			postalCode: '62360',
			streetNumber: '',
			street: 'Rue des Buissons Fleuris'
		});
		const input = addressInput(kept, '');
		expect(input.streetNumber).toBe('');
		expect(input.numberComplement).toBe('');
		expect(newAddressSchema.parse(input)).toEqual(kept);
		expect(addressInput(null, 'Adresse du conjoint')).toMatchObject({
			name: 'Adresse du conjoint',
			country: 'France'
		});
	});
});

describe('one of the "autres personnes"', () => {
	const schema = onePersonSchema(autresPersonnesStep());
	const mamie = {
		nom: 'Durand',
		prenom: 'Odette',
		lien: 'Grand-mère',
		telephone: '06 12 34 56 78',
		contactUrgence: true,
		autoriseeChercher: false
	};

	it('is checked with the step’s rules, its errors named by its own fields', () => {
		expect(schema.parse(mamie).telephone).toBe('0612345678');
		const paths = (person: object) => schema.safeParse(person).error?.issues.map((i) => i.path.join('.'));
		expect(paths({ ...mamie, telephone: '12' })).toEqual(['telephone']);
		expect(paths({ ...mamie, contactUrgence: false })).toEqual(['contactUrgence']);
	});

	it('is added at the end or replaces the one changed, and the list’s errors are found per person', () => {
		const one = schema.parse(mamie);
		const two = schema.parse({ ...mamie, prenom: 'Marcel' });
		expect(withPerson([one], two, null)).toEqual([one, two]);
		expect(withPerson([one, two], { ...two, lien: 'Voisin' }, 0).map((p) => p.lien)).toEqual([
			'Voisin',
			'Grand-mère'
		]);
		expect(
			errorsOfPerson({ 'personnes.1.telephone': 'Numéro invalide', 'personnes.10.nom': 'x' }, 1)
		).toEqual(['Numéro invalide']);
	});
});
