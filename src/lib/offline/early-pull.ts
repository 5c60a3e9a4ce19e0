import { askEarly, dropEarly, takeEarly, type EarlyAnswer } from '../api/early-answers.ts';
import { readAddress } from '../components/agenda/agenda-address.ts';
import { parisDate } from '../domain/agenda/paris-time.ts';
import { SYNC_SCHEMA_VERSION } from '../domain/sync/schema-version.ts';
import { monthWindow } from './agenda-window.ts';

const KEY = 'agenda-pull:';

/** The address of the agenda's pull, as the typed client (src/lib/api/client.ts) builds it. */
export function pullUrl(from: string, to: string): string {
	const query = new URLSearchParams({ from, to, schemaVersion: String(SYNC_SCHEMA_VERSION) });
	return `/api/sync/pull?${query}`;
}

/** The agenda's own address (its view and day in the query): what the app's start looks for. */
export const isAgendaPath = (pathname: string) => /^\/agenda\/?$/.test(pathname);

/**
 * A deep link to the agenda asks for its days as the app starts, beside the session and the page's
 * code, instead of after them: the sync engine's first pull takes this answer if it asks for the
 * same days. Nothing is written with it before the engine has it (the session decides first whose
 * device this is).
 */
export function startEarlyPull(address: URL, now: Date = new Date()): void {
	if (!isAgendaPath(address.pathname)) return;
	const { from, to } = monthWindow(readAddress(address.searchParams).day ?? parisDate(now));
	dropEarly(KEY);
	askEarly(`${KEY}${from}/${to}`, pullUrl(from, to));
}

/** The early answer for these days, once (any other is dropped: the engine asked for other days). */
export function takeEarlyPull(from: string, to: string): EarlyAnswer | null {
	const early = takeEarly(`${KEY}${from}/${to}`);
	dropEarly(KEY);
	return early;
}

/** A push: the early answer predates the change it sent. */
export function dropEarlyPull(): void {
	dropEarly(KEY);
}
