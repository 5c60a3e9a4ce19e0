import type { Page } from '@playwright/test';

/**
 * Characters every font of a desktop or a phone draws (Latin letters with their accents, French
 * punctuation and spaces, the euro sign). Any other (⚠ ✓ ▶ ⏳ 📡 ☀ ★ −…) needs a symbol or emoji
 * font and draws an empty box where none is installed: the pages draw those as SVG instead.
 */
const everyFontHasIt = (code: number) =>
	code <= 0x17f || (code >= 0x2000 && code <= 0x206f) || code === 0x20ac;

/**
 * The characters drawn under `root` (text, hidden text, ::before/::after) that not every font has.
 */
export async function unsafeCharacters(page: Page, root: 'body' | 'main' = 'body'): Promise<string[]> {
	const texts = await page.evaluate((selector) => {
		const top = document.querySelector(selector)!;
		const found: string[] = [];
		const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (node.parentElement?.closest('script, style')) continue;
			found.push(node.textContent ?? '');
		}
		for (const element of top.querySelectorAll('*'))
			for (const pseudo of ['::before', '::after']) {
				const content = getComputedStyle(element, pseudo).content;
				if (content && content !== 'none' && content !== 'normal') found.push(content);
			}
		return found;
	}, root);
	const unsafe = new Set<string>();
	for (const text of texts)
		for (const char of text) if (!everyFontHasIt(char.codePointAt(0) ?? 0)) unsafe.add(char);
	return [...unsafe];
}
