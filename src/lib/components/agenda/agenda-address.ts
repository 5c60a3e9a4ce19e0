import { fromIsoDate, toIsoDate } from '$lib/domain/agenda/dates.ts';
import type { AgendaMode } from './visible-days.ts';

declare global {
	// eslint-disable-next-line @typescript-eslint/no-namespace -- SvelteKit declares App.PageState so
	namespace App {
		interface PageState {
			/** The saisie groupée is open in this history entry: Back closes it. */
			saisieGroupee?: boolean;
		}
	}
}

/**
 * What the agenda shows, as its address says it (`/agenda?vue=semaine&jour=2026-12-28`), so that a
 * reload, Back and Forward, or a link a parent shares, open the same view of the same day.
 */
export type AgendaAddress = { mode: AgendaMode; day: string | null };

const MODES: readonly AgendaMode[] = ['mois', 'semaine', 'jour'];

/** A real day of a year the town's agenda can hold; anything else in the address is ignored. */
function dayOf(value: string | null): string | null {
	if (!value || !/^20\d\d-\d\d-\d\d$/.test(value)) return null;
	const date = fromIsoDate(value);
	return !Number.isNaN(date.getTime()) && toIsoDate(date) === value ? value : null;
}

/** The view and the day an address asks for: month view by default, and no day (today) when absent. */
export function readAddress(search: URLSearchParams): AgendaAddress {
	const mode = search.get('vue');
	return {
		mode: MODES.find((m) => m === mode) ?? 'mois',
		day: dayOf(search.get('jour'))
	};
}

/** The query saying `mode` and `day` ("?vue=semaine&jour=2026-12-28"); other parameters are kept. */
export function addressQuery(search: URLSearchParams, mode: AgendaMode, day: string): string {
	const next = new URLSearchParams(search);
	next.set('vue', mode);
	next.set('jour', day);
	return `?${next}`;
}
