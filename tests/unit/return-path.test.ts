import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../src/lib/site/return-path.ts';

describe('safeReturnPath', () => {
	it('accepts a path of this site', () => {
		expect(safeReturnPath('/demarches/fiche-enfant')).toBe('/demarches/fiche-enfant');
	});

	it('refuses anything that could lead to another site', () => {
		for (const value of [
			'//evil.example/x',
			'https://evil.example',
			'/\\evil.example',
			'demarches',
			'',
			null
		]) {
			expect(safeReturnPath(value)).toBeNull();
		}
	});
});
