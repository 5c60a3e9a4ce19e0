import { describe, expect, it } from 'vitest';
import { formatEuros } from '../../src/lib/domain/money/format.ts';
import { addressSchema } from '../../src/lib/domain/profile/address.ts';
import { formatPhone, normalizeFrenchPhone, phonesSchema } from '../../src/lib/domain/profile/contact.ts';
import { socialSchema } from '../../src/lib/domain/profile/social.ts';

describe('French phone numbers', () => {
	it('accept the usual ways of typing them', () => {
		for (const typed of [
			'06 06 06 06 06',
			'06.06.06.06.06',
			'0606060606',
			'+33 6 06 06 06 06',
			'0033606060606'
		]) {
			expect(normalizeFrenchPhone(typed), typed).toBe('0606060606');
		}
		expect(formatPhone('0606060606')).toBe('06.06.06.06.06');
	});

	it('check the kind of line', () => {
		const result = phonesSchema.safeParse({
			fixe: '06 12 34 56 78',
			portable: '03 21 00 00 00',
			professionnel: '123'
		});
		expect(result.success).toBe(false);
		const issues = result.success ? [] : result.error.issues.map((i) => [i.path[0], i.message]);
		expect(issues).toEqual([
			['fixe', 'Un fixe commence par 01 à 05 ou 09.'],
			['portable', 'Un portable commence par 06 ou 07.'],
			['professionnel', 'Numéro invalide : dix chiffres (exemple : 06 12 34 56 78).']
		]);
		expect(phonesSchema.parse({ fixe: '', portable: '07 00 00 00 00' })).toEqual({
			fixe: null,
			portable: '0700000000',
			professionnel: null
		});
	});
});

describe('addresses', () => {
	const address = {
		name: 'Maison',
		country: 'France',
		city: 'Hesdigneul les Boulogne',
		postalCode: '62360',
		street: 'Rue des Buissons Fleuris'
	};

	it('check French postal codes and write the city in capitals', () => {
		expect(addressSchema.parse(address)).toMatchObject({
			city: 'HESDIGNEUL LES BOULOGNE',
			streetNumber: null,
			isDefault: false
		});
		expect(addressSchema.safeParse({ ...address, postalCode: '6236' }).success).toBe(false);
		expect(addressSchema.safeParse({ ...address, postalCode: '97400' }).success).toBe(true);
		expect(addressSchema.safeParse({ ...address, country: 'Belgique', postalCode: '7000' }).success).toBe(
			true
		);
	});
});

describe('social data and money', () => {
	it('reads euros as typed into integer cents', () => {
		expect(
			socialSchema.parse({ revenuFiscalReference: '25 000', ressourcesMensuelles: '1 234,50' })
		).toMatchObject({
			revenuFiscalReference: 2_500_000,
			ressourcesMensuelles: 123_450,
			regime: null,
			enfantsACharge: null
		});
		expect(socialSchema.safeParse({ revenuFiscalReference: 'beaucoup' }).success).toBe(false);
		expect(socialSchema.safeParse({ numeroAllocataire: '12' }).success).toBe(false);
	});

	it('shows cents the French way', () => {
		expect(formatEuros(350)).toBe('3,50 €');
		expect(formatEuros(-410)).toBe('-4,10 €');
		expect(formatEuros(2_500_000)).toBe('25\u202f000,00 €');
		expect(formatEuros(0)).toBe('0,00 €');
	});
});
