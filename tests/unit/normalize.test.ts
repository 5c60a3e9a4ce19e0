import { describe, expect, it } from 'vitest';
import { foldForSearch, MAX_FOLDED_LENGTH } from '../../src/lib/domain/text/normalize.ts';
import { longestStringWork } from '../server/support/string-work.ts';

describe('folding text for search', () => {
	it('ignores case, accents and ligatures', () => {
		expect(foldForSearch('  Salle des Fêtes – Œuvre  ')).toBe('salle des fetes – oeuvre');
	});

	it('reads only the first characters of a pasted megabyte', async () => {
		let folded = '';
		const longest = await longestStringWork(() => (folded = foldForSearch('\uFDFA'.repeat(1_000_000))));
		expect(longest).toBeLessThanOrEqual(MAX_FOLDED_LENGTH * 18);
		expect(folded.length).toBeGreaterThan(0);
	});
});
