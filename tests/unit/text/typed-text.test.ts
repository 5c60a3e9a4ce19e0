import { describe, expect, it } from 'vitest';
import { isVisible, typedText } from '../../../src/lib/domain/text/typed-text.ts';

const schema = typedText(40, { required: 'Écrivez.', tooLong: 'Trop long.' });
const line = typedText(40, { required: 'Écrivez.', tooLong: 'Trop long.' }, { lines: false });
const error = (s: typeof schema, value: unknown) => s.safeParse(value).error?.issues[0]?.message;

describe('typedText: what a person types', () => {
	it('keeps a message, its lines and tabs, and emoji with their joiners, trimmed', () => {
		expect(schema.parse('  Bonjour,\n\tà demain 👨‍👩‍👧 ')).toBe('Bonjour,\n\tà demain 👨‍👩‍👧');
	});

	it('says "required" when nothing shows: spaces, zero-width or invisible marks only', () => {
		for (const blank of ['', '   ', '\u200b', '\u200b\u2060 \ufeff', '\n\t'])
			expect(error(schema, blank), JSON.stringify(blank)).toBe('Écrivez.');
		expect(isVisible('\u200bA')).toBe(true);
	});

	it('refuses control characters, bidi overrides and lone surrogates; one line refuses line breaks', () => {
		for (const bad of ['a\u0000b', '\u202eevil gpj.exe', 'x\u2066y', 'a\ud800', 'a\u007f'])
			expect(error(schema, bad), JSON.stringify(bad)).toBe('Caractère non autorisé.');
		expect(error(line, 'Sujet\nsur deux lignes')).toBe('Caractère non autorisé.');
		expect(error(schema, 'x'.repeat(41))).toBe('Trop long.');
	});
});
