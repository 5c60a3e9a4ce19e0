import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../server/http/json-depth.ts';

describe('nestsDeeperThan', () => {
	it('counts arrays and objects, not brackets inside strings, escaped quotes included', () => {
		expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
		expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
		expect(nestsDeeperThan('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
		expect(nestsDeeperThan('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
		expect(nestsDeeperThan('[[], [], [[]], []]', 3)).toBe(false);
		expect(nestsDeeperThan(JSON.stringify(['[[[[{{{{']), 1)).toBe(false);
		expect(nestsDeeperThan(JSON.stringify(['\\"[[[[', '"]]]]', '\\']), 1)).toBe(false);
		expect(nestsDeeperThan(`[${JSON.stringify('\\')}, [[]]]`, 2)).toBe(true);
	});

	it('leaves what is not JSON to JSON.parse', () => {
		expect(nestsDeeperThan('', 1)).toBe(false);
		expect(nestsDeeperThan('"unterminated [[[[', 1)).toBe(false);
		expect(nestsDeeperThan(']]]][[', 1)).toBe(false);
	});
});
