import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { Account, WebPage } from './pages.ts';

/** Monday 30 November 2026, 09:00 in Paris: the server's TEST_NOW and the browser's clock. */
export const BENCH_NOW = '2026-11-30T08:00:00.000Z';
/** How long after the main content long tasks and layout shifts still count. */
export const SETTLE_MS = 2_000;

export type LoadFigures = {
	/** Navigation start to the main content visible, ms. */
	mainContentMs: number;
	/** Sum of (duration - 50 ms) of the long tasks from navigation to SETTLE_MS after the main content. */
	tbtMs: number;
	/** CLS as Chrome defines it: the largest session window (1 s gap, 5 s at most) of shifts without recent input. */
	cls: number;
	/** Bytes of scripts as transferred (CDP encodedDataLength, headers included). */
	jsTransferred: number;
	/** Same-origin script URLs loaded, to weigh their .gz files. */
	scriptPaths: string[];
	requests: number;
};

type PageState = {
	main: number | null;
	longTasks: { start: number; duration: number }[];
	shifts: { start: number; value: number }[];
};

/**
 * Runs at document start in every page of the context: long tasks and layout shifts as they come,
 * and the moment the main content is first visible, checked at each frame. It must run before
 * Playwright's clock (setFixedTime), whose performance.now is not on the timeline of the
 * performance entries: the page's own is kept here. A string, not a function: tsx would write its
 * `__name` helper into a function's source, which the page does not have.
 */
export function observeScript(selectors: string[]): string {
	return `(() => {
	const selectors = ${JSON.stringify(selectors)};
	const now = performance.now.bind(performance);
	const nextFrame = requestAnimationFrame.bind(window);
	const state = { main: null, longTasks: [], shifts: [] };
	window.__bench = state;
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
	}).observe({ type: 'longtask', buffered: true });
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) if (!e.hadRecentInput) state.shifts.push({ start: e.startTime, value: e.value });
	}).observe({ type: 'layout-shift', buffered: true });
	function visible(el) {
		const box = el.getBoundingClientRect();
		return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true });
	}
	function frame() {
		if (selectors.every((s) => [...document.querySelectorAll(s)].some(visible)))
			state.main = now();
		else nextFrame(frame);
	}
	nextFrame(frame);
})();`;
}

export function sessionWindowCls(shifts: { start: number; value: number }[]): number {
	let best = 0;
	let current = 0;
	let windowStart = -Infinity;
	let last = -Infinity;
	for (const s of [...shifts].sort((a, b) => a.start - b.start)) {
		if (s.start - last > 1_000 || s.start - windowStart > 5_000) {
			current = 0;
			windowStart = s.start;
		}
		current += s.value;
		last = s.start;
		best = Math.max(best, current);
	}
	return best;
}

/** A phone on a slow network: 150 ms RTT, 1.6 Mbps down, 0.75 Mbps up, a CPU 4 times slower. */
export async function throttle(cdp: CDPSession): Promise<void> {
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: 150,
		downloadThroughput: (1.6 * 1024 * 1024) / 8,
		uploadThroughput: (0.75 * 1024 * 1024) / 8
	});
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** Counts the page's requests and its scripts' transferred bytes, from the DevTools protocol. */
export function watchNetwork(cdp: CDPSession, origin: string) {
	const types = new Map<string, { type: string | undefined; url: string }>();
	let requests = 0;
	let jsTransferred = 0;
	const scriptPaths = new Set<string>();
	cdp.on('Network.requestWillBeSent', (e) => {
		if (e.request.url.startsWith('data:')) return;
		if (!e.redirectResponse) requests++;
		types.set(e.requestId, { type: e.type, url: e.request.url });
	});
	cdp.on('Network.responseReceived', (e) => {
		const known = types.get(e.requestId);
		types.set(e.requestId, { type: e.type ?? known?.type, url: e.response.url });
	});
	cdp.on('Network.loadingFinished', (e) => {
		const known = types.get(e.requestId);
		if (known?.type !== 'Script') return;
		jsTransferred += e.encodedDataLength;
		const url = new URL(known.url);
		if (url.origin === origin) scriptPaths.add(url.pathname);
	});
	return () => ({ requests, jsTransferred, scriptPaths: [...scriptPaths] });
}

/** A phone's context at BENCH_NOW; `selectors`: its pages measure when those are visible. */
export async function newPhoneContext(browser: Browser, selectors?: string[]): Promise<BrowserContext> {
	const context = await browser.newContext({
		viewport: { width: 360, height: 740 },
		deviceScaleFactor: 2,
		isMobile: true,
		hasTouch: true,
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris'
	});
	if (selectors) await context.addInitScript({ content: observeScript(selectors) });
	await context.clock.setFixedTime(new Date(BENCH_NOW));
	return context;
}

/** Signed in through the API, so that the measured load is the page's own cold first load. */
export async function signInContext(context: BrowserContext, base: string, account: Account): Promise<void> {
	const res = await context.request.post(`${base}/api/auth/login`, {
		data: account,
		headers: { Origin: base }
	});
	if (!res.ok())
		throw new Error(`Connexion de ${account.identifiant} refusée : ${res.status()} ${await res.text()}`);
}

async function pageState(page: Page): Promise<PageState> {
	return page.evaluate(() => (window as unknown as { __bench: PageState }).__bench);
}

/** Waits for the main content then SETTLE_MS more, and reads the figures of the load. */
export async function awaitFigures(
	page: Page,
	network: () => { requests: number; jsTransferred: number; scriptPaths: string[] },
	what: string
): Promise<LoadFigures> {
	try {
		await page.waitForFunction(
			() => (window as unknown as { __bench?: PageState }).__bench?.main != null,
			null,
			{
				polling: 250,
				timeout: 60_000
			}
		);
	} catch (err) {
		throw new Error(`${what} : contenu principal jamais visible (${page.url()})`, { cause: err });
	}
	const main = (await pageState(page)).main ?? 0;
	await page.waitForTimeout(SETTLE_MS);
	const state = await pageState(page);
	const end = main + SETTLE_MS;
	const tbtMs = state.longTasks
		.filter((t) => t.start < end)
		.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
	const cls = sessionWindowCls(state.shifts.filter((s) => s.start < end));
	return { mainContentMs: main, tbtMs, cls, ...network() };
}

/** One cold first load of `page` in a fresh phone context, throttled. */
export async function coldLoad(
	browser: Browser,
	base: string,
	target: WebPage,
	path: string
): Promise<LoadFigures> {
	const context = await newPhoneContext(browser, target.selectors);
	try {
		if (target.account) await signInContext(context, base, target.account);
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await throttle(cdp);
		const network = watchNetwork(cdp, new URL(base).origin);
		await page.goto(base + path, { waitUntil: 'commit', timeout: 60_000 });
		return await awaitFigures(page, network, target.name);
	} finally {
		await context.close();
	}
}
