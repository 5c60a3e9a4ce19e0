/** Older than this, an early answer may predate a change made since: asked again instead. */
const FRESH_MS = 20_000;

export type EarlyAnswer = { sentAt: number; response: Promise<Response> };
const asked = new Map<string, EarlyAnswer>();

/**
 * Asks `url` now, as the app starts, for the code that will want it once the page's code has
 * loaded and run (on a slow phone, seconds later): that code takes the answer with `takeEarly`.
 */
export function askEarly(key: string, url: string): void {
	const response = fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
	// Never taken (another page, signed out): the failure is nobody's to report.
	response.catch(() => undefined);
	asked.set(key, { sentAt: Date.now(), response });
}

/** The answer asked early under `key`, once; null when none or too old to trust. */
export function takeEarly(key: string): EarlyAnswer | null {
	const early = asked.get(key);
	asked.delete(key);
	return early && Date.now() - early.sentAt <= FRESH_MS ? early : null;
}

/** A sign-in, a sign-out or a change sent: what was asked before it tells of another state. */
export function dropEarly(prefix = ''): void {
	for (const key of [...asked.keys()]) if (key.startsWith(prefix)) asked.delete(key);
}
