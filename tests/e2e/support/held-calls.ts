import type { Page, Route } from '@playwright/test';

/**
 * Holds every call of `path` until `release()`: the server is slow to answer, not gone. Needs the
 * service worker blocked (`serviceWorkers: 'block'`), or the worker's own fetches escape the route.
 */
export async function hold(page: Page, path: string) {
	const held: Route[] = [];
	let open = false;
	await page.route(
		(url) => url.pathname === path,
		(route) => (open ? route.continue() : void held.push(route))
	);
	return {
		count: () => held.length,
		release: async () => {
			open = true;
			for (const route of held.splice(0)) await route.continue();
		}
	};
}
