import { describe, expect, it } from 'vitest';
import { easterSunday, frenchPublicHolidays } from '../../src/lib/domain/agenda/public-holidays.ts';
import { schoolYearFor } from '../../src/lib/domain/agenda/school-years.ts';

describe('French public holidays', () => {
	it('computes Easter Sunday', () => {
		expect(easterSunday(2018)).toBe('2018-04-01');
		expect(easterSunday(2026)).toBe('2026-04-05');
		expect(easterSunday(2027)).toBe('2027-03-28');
	});

	it('lists the eleven holidays with the moving ones', () => {
		const holidays = frenchPublicHolidays(2027);
		expect(holidays).toHaveLength(11);
		expect(holidays).toContainEqual({ date: '2027-03-29', label: 'Lundi de Pâques' });
		expect(holidays).toContainEqual({ date: '2027-05-06', label: 'Ascension' });
		expect(holidays).toContainEqual({ date: '2027-05-17', label: 'Lundi de Pentecôte' });
	});
});

describe('schoolYearFor', () => {
	it('finds the running school year', () => {
		expect(schoolYearFor('2026-11-28')?.id).toBe('2026-2027');
		expect(schoolYearFor('2026-03-02')?.id).toBe('2025-2026');
	});

	it('gives the coming year during the summer', () => {
		expect(schoolYearFor('2026-07-20')?.id).toBe('2026-2027');
	});
});
