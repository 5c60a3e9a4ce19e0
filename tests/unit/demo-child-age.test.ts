import { describe, expect, it } from 'vitest';
import { birthYearFor } from '../../server/demo/school-age.ts';

describe("the demo child's age fits his class", () => {
	it('a CE2 of 2026-2027 is born in 2018, all school year long', () => {
		expect(birthYearFor('CE2', '2026-09-01')).toBe(2018);
		expect(birthYearFor('CE2', '2026-12-01')).toBe(2018);
		expect(birthYearFor('CE2', '2027-07-02')).toBe(2018);
	});

	it('moves with the school year, which starts in September', () => {
		expect(birthYearFor('CE2', '2026-08-31')).toBe(2017);
		expect(birthYearFor('CE2', '2027-09-01')).toBe(2019);
		expect(birthYearFor('CP', '2026-10-01')).toBe(2020);
		expect(birthYearFor('CM2', '2026-10-01')).toBe(2016);
	});
});
