/**
 * How deep arrays and objects may nest in a body the API reads. The deepest payload of the API, a
 * push, nests six levels (the request, its mutations, one mutation, its payload, a list in it);
 * `[[[…]]]` a megabyte deep cost JSON.parse over 100 ms of the one thread that answers everyone.
 */
export const MAX_JSON_DEPTH = 16;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_ARRAY = 91;
const OPEN_OBJECT = 123;
const CLOSE_ARRAY = 93;
const CLOSE_OBJECT = 125;

/**
 * Whether `text` nests arrays or objects deeper than `max`, counting brackets outside strings: one
 * pass (about 2 ms a megabyte), which stops at the first bracket too deep, before JSON.parse runs.
 * Whether the text is JSON at all is left to JSON.parse.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === QUOTE) {
			// To the closing quote: the next one not escaped by an odd run of backslashes.
			let end = text.indexOf('"', i + 1);
			for (;;) {
				if (end === -1) return false;
				let backslashes = 0;
				while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
				if (backslashes % 2 === 0) break;
				end = text.indexOf('"', end + 1);
			}
			i = end;
		} else if (ch === OPEN_ARRAY || ch === OPEN_OBJECT) {
			if (++depth > max) return true;
		} else if (ch === CLOSE_ARRAY || ch === CLOSE_OBJECT) {
			depth--;
		}
	}
	return false;
}
