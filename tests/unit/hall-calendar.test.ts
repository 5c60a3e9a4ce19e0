import { describe, expect, it } from 'vitest';
import {
	hallMonth,
	takenWithin
} from '../../src/lib/components/requests/forms/salle-des-fetes/hall-calendar.ts';

const today = '2026-12-02';

describe('the salle des fêtes calendar', () => {
	it('lists every day of the month, with 28 to 31 days', () => {
		expect(hallMonth('2027-02', today, [])).toHaveLength(28);
		expect(hallMonth('2028-02', today, [])).toHaveLength(29);
		expect(hallMonth('2027-01', today, []).at(-1)?.day).toBe('2027-01-31');
	});

	it('blocks the days less than 15 days ahead, and opens the fifteenth', () => {
		const december = hallMonth('2026-12', today, []);
		expect(december.find((d) => d.day === '2026-12-16')?.block).toBe('trop-tot');
		expect(december.find((d) => d.day === '2026-12-17')?.block).toBeNull();
		expect(december.filter((d) => d.block === null)).toHaveLength(15);
	});

	it('blocks the days more than 18 months ahead', () => {
		const june = hallMonth('2028-06', today, []);
		expect(june.find((d) => d.day === '2028-06-02')?.block).toBeNull();
		expect(june.find((d) => d.day === '2028-06-03')?.block).toBe('trop-tard');
	});

	it('blocks the days already asked for or booked, but not this draft’s own', () => {
		const taken = [
			{ day: '2027-03-06', state: 'reservee' as const },
			{ day: '2027-03-13', state: 'demandee' as const },
			{ day: '2027-03-20', state: 'demandee' as const }
		];
		const march = hallMonth('2027-03', today, taken, ['2027-03-20']);
		const block = (day: string) => march.find((d) => d.day === day)?.block;
		expect(block('2027-03-06')).toBe('reservee');
		expect(block('2027-03-13')).toBe('demandee');
		expect(block('2027-03-20')).toBeNull();
		expect(block('2027-03-07')).toBeNull();
	});

	it('finds another demande’s day inside a chosen range', () => {
		const taken = [
			{ day: '2027-03-06', state: 'reservee' as const },
			{ day: '2027-03-08', state: 'demandee' as const }
		];
		expect(takenWithin('2027-03-05', '2027-03-07', taken)).toEqual(['2027-03-06']);
		expect(takenWithin('2027-03-05', '2027-03-07', taken, ['2027-03-06'])).toEqual([]);
		expect(takenWithin('2027-03-09', '2027-03-10', taken)).toEqual([]);
	});
});
