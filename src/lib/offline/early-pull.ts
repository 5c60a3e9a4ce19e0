import { readAddress } from '../components/agenda/agenda-address.ts';
import { parisDate } from '../domain/agenda/paris-time.ts';
import { SYNC_SCHEMA_VERSION } from '../domain/sync/schema-version.ts';
import { monthWindow } from './agenda-window.ts';

/** Older than this, an early answer may predate a change made elsewhere: asked again instead. */
const FRESH_MS = 20_000;

type EarlyPull = { from: string; to: string; sentAt: number; response: Promise<Response> };
let early: EarlyPull | null = null;

/** The address of the agenda's pull, as the typed client (src/lib/api/client.ts) builds it. */
export function pullUrl(from: string, to: string): string {
	const query = new URLSearchParams({ from, to, schemaVersion: String(SYNC_SCHEMA_VERSION) });
	return `/api/sync/pull?${query}`;
}

/**
 * A deep link to the agenda asks for its days as the app starts, beside the session and the page's
 * code, instead of after them: the sync engine's first pull takes this answer if it asks for the
 * same days. Nothing is written with it before the engine has it (the session decides first whose
 * device this is).
 */
export function startEarlyPull(address: URL, now: Date = new Date()): void {
	if (!/^\/agenda\/?$/.test(address.pathname)) return;
	const { from, to } = monthWindow(readAddress(address.searchParams).day ?? parisDate(now));
	const response = fetch(pullUrl(from, to), {
		headers: { Accept: 'application/json' },
		credentials: 'same-origin'
	});
	// Never taken (signed out, another window): the failure is nobody's to report.
	response.catch(() => undefined);
	early = { from, to, sentAt: Date.now(), response };
}

/** The early answer for these days, once: null when none, other days, or too old to trust. */
export function takeEarlyPull(
	from: string,
	to: string
): { sentAt: number; response: Promise<Response> } | null {
	const taken = early;
	early = null;
	if (!taken || taken.from !== from || taken.to !== to || Date.now() - taken.sentAt > FRESH_MS) return null;
	return taken;
}

/**
 * A push (the answer predates the change it sent) or a sign-in or sign-out (it was another session's)
 * makes the early answer wrong to keep.
 */
export function dropEarlyPull(): void {
	early = null;
}
