import { vi } from 'vitest';

const WORK = ['normalize', 'trim', 'toLowerCase', 'toLocaleLowerCase', 'toUpperCase'] as const;

/**
 * Runs `action` while watching the string methods whose cost grows with the text (normalising,
 * trimming, changing case), and gives the length of the longest string any of them was called on:
 * a hostile megabyte must be refused before any of them reads it.
 */
export async function longestStringWork(action: () => unknown): Promise<number> {
	const spies = WORK.map((name) => vi.spyOn(String.prototype, name));
	try {
		await action();
		let longest = 0;
		for (const spy of spies)
			for (const text of spy.mock.contexts) longest = Math.max(longest, String(text).length);
		return longest;
	} finally {
		for (const spy of spies) spy.mockRestore();
	}
}
