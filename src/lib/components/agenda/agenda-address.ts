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

/**
 * The query to write instead of an address asking for a view or a day the agenda cannot show
 * (`?vue=zzz&jour=2026-13-45`): the view and the day shown in its place, so the bar says what the
 * page shows and a reload or a shared link does not carry the mistake on. Null when what it says
 * is right; a part it leaves out is no mistake (the menu's plain "/agenda" stays as it is).
 */
export function correctedQuery(search: URLSearchParams, today: string): string | null {
	const { mode, day } = readAddress(search);
	const wrongMode = search.has('vue') && search.get('vue') !== mode;
	const wrongDay = search.has('jour') && search.get('jour') !== day;
	return wrongMode || wrongDay ? addressQuery(search, mode, day ?? today) : null;
}
