import { describe, expect, it } from 'vitest';
import { addressQuery, correctedQuery, readAddress } from '../../src/lib/components/agenda/agenda-address.ts';

const read = (search: string) => readAddress(new URLSearchParams(search));

describe("the agenda's address", () => {
	it('reads the view and the day', () => {
		expect(read('vue=semaine&jour=2026-12-28')).toEqual({ mode: 'semaine', day: '2026-12-28' });
		expect(read('jour=2027-01-04&vue=jour')).toEqual({ mode: 'jour', day: '2027-01-04' });
	});

	it('opens the month of today when the address says nothing, or nothing it can use', () => {
		expect(read('')).toEqual({ mode: 'mois', day: null });
		for (const bad of [
			'vue=annee&jour=2026-02-30',
			'vue=MOIS&jour=30/11/2026',
			'jour=1999-12-31',
			'jour=2026-13-01'
		])
			expect(read(bad)).toEqual({ mode: 'mois', day: null });
		expect(read('vue=jour&jour=2026-12-03x')).toEqual({ mode: 'jour', day: null });
	});

	it('writes them, keeping what else the address holds', () => {
		const query = addressQuery(new URLSearchParams('vue=mois&jour=2026-11-30&x=1'), 'semaine', '2026-12-28');
		expect(query).toBe('?vue=semaine&jour=2026-12-28&x=1');
		expect(readAddress(new URLSearchParams(query))).toEqual({ mode: 'semaine', day: '2026-12-28' });
	});
});

describe('an address the agenda cannot show', () => {
	const corrected = (search: string) => correctedQuery(new URLSearchParams(search), '2026-11-30');

	it('is written again as the view and the day shown instead', () => {
		expect(corrected('vue=jour&jour=1999-01-01')).toBe('?vue=jour&jour=2026-11-30');
		expect(corrected('vue=zzz&jour=2026-13-45')).toBe('?vue=mois&jour=2026-11-30');
		expect(corrected('vue=zzz&jour=2026-12-03')).toBe('?vue=mois&jour=2026-12-03');
		expect(corrected('vue=semaine&jour=')).toBe('?vue=semaine&jour=2026-11-30');
	});

	it('is left alone when right, or when it leaves a part out', () => {
		expect(corrected('vue=semaine&jour=2026-12-28')).toBeNull();
		expect(corrected('')).toBeNull();
		expect(corrected('vue=jour')).toBeNull();
		expect(corrected('jour=2026-12-03')).toBeNull();
	});
});
