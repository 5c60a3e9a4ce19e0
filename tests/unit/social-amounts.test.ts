import { describe, expect, it } from 'vitest';
import { eurosAsTyped, socialSchema } from '../../src/lib/domain/profile/social.ts';

describe('"Mes données sociales": an amount shown in its field to change', () => {
	it('reads as it was typed: thousands apart, the cents after a comma, none when there are none', () => {
		expect(eurosAsTyped(2850050)).toBe('28 500,50');
		expect(eurosAsTyped(2500000)).toBe('25 000');
		expect(eurosAsTyped(123405)).toBe('1 234,05');
		expect(eurosAsTyped(99)).toBe('0,99');
		expect(eurosAsTyped(0)).toBe('0');
		expect(eurosAsTyped(null)).toBe('');
	});

	it('is read back by the schema as the same amount', () => {
		for (const cents of [2850050, 2500000, 123405, 99, 0, 99999999999]) {
			const typed = eurosAsTyped(cents);
			expect(socialSchema.parse({ revenuFiscalReference: typed }).revenuFiscalReference, typed).toBe(cents);
		}
	});
});
