import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import type { WebPage } from './pages.ts';
import type { Server } from './servers.ts';
import { awaitFigures, newPhoneContext, signInContext, throttle, watchNetwork } from './throttled-load.ts';

export type OfflineFigures = {
	/** The precache list (read from the worker's cache) weighed as the built files' .br. */
	swPrecacheBrotli: number;
	swPrecacheFiles: number;
	/** The same, of its scripts alone (.js), the rest being styles, the page, icons and the manifest. */
	swPrecacheScripts: number;
	/** What the worker's own requests transferred, as Playwright reports them (0 when it does not). */
	swTransferred: number;
	/** Time to the main content of the repeat load, the server stopped. */
	offlineMainMs: number;
};

/** The file the server sends for an address of the built app: '/' is the fallback page. */
function builtFile(appDir: string, pathname: string): string {
	return join(appDir, pathname === '/' ? 'index.html' : decodeURIComponent(pathname));
}

/** Bytes of the precompressed file beside `file` (.br or .gz), or of the file compressed now. */
export function compressedSize(file: string, kind: 'br' | 'gz'): number {
	if (existsSync(`${file}.${kind}`)) return statSync(`${file}.${kind}`).size;
	if (!existsSync(file)) return 0;
	const raw = readFileSync(file);
	return kind === 'br' ? brotliCompressSync(raw).length : gzipSync(raw).length;
}

/**
 * A first visit with the service worker installed (what it precaches, and what it downloaded),
 * then the server process stopped and the same address loaded again: the repeat load offline.
 * The caller starts the server again.
 */
export async function offlineRepeat(
	browser: Browser,
	server: Server,
	appDir: string,
	target: WebPage,
	path: string
): Promise<OfflineFigures> {
	const context = await newPhoneContext(browser, target.selectors);
	try {
		if (target.account) await signInContext(context, server.url, target.account);
		const swSizes: Promise<number>[] = [];
		context.on('requestfinished', (request) => {
			if (request.serviceWorker())
				swSizes.push(
					request.sizes().then(
						(s) => s.responseBodySize + s.responseHeadersSize,
						() => 0
					)
				);
		});
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await throttle(cdp);
		const network = watchNetwork(cdp, new URL(server.url).origin);
		await page.goto(server.url + path, { waitUntil: 'commit', timeout: 60_000 });
		await awaitFigures(page, network, `${target.name} (première visite)`);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
			polling: 250,
			timeout: 60_000
		});
		const precached = await page.evaluate(async () => {
			const paths: string[] = [];
			for (const name of await caches.keys()) {
				if (!name.includes('precache')) continue;
				for (const request of await (await caches.open(name)).keys())
					paths.push(new URL(request.url).pathname);
			}
			return paths;
		});
		const weigh = (paths: string[]) =>
			paths.reduce((sum, p) => sum + compressedSize(builtFile(appDir, p), 'br'), 0);
		const swPrecacheBrotli = weigh(precached);
		const swPrecacheScripts = weigh(precached.filter((p) => p.endsWith('.js')));
		const swTransferred = (await Promise.all(swSizes)).reduce((a, b) => a + b, 0);

		await server.stop();
		await page.reload({ waitUntil: 'commit', timeout: 60_000 });
		const repeat = await awaitFigures(page, network, `${target.name} (hors ligne)`);
		return {
			swPrecacheBrotli,
			swPrecacheFiles: precached.length,
			swPrecacheScripts,
			swTransferred,
			offlineMainMs: repeat.mainContentMs
		};
	} finally {
		await context.close();
	}
}
