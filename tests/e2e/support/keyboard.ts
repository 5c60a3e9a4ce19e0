import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Tab (Shift+Tab with `back`) until `target` has the focus, as a keyboard user goes to it. */
export async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	await expect(target).toBeFocused();
}
