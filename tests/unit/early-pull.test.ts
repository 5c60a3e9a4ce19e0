import { afterEach, describe, expect, it, vi } from 'vitest';
import { monthWindow } from '../../src/lib/offline/agenda-window.ts';
import { dropEarlyPull, pullUrl, startEarlyPull, takeEarlyPull } from '../../src/lib/offline/early-pull.ts';

const MONDAY_9AM = new Date('2026-11-30T08:00:00.000Z');

function stubFetch() {
	const fetch = vi.fn(() => Promise.resolve(new Response('{}')));
	vi.stubGlobal('fetch', fetch);
	return fetch;
}

afterEach(() => {
	dropEarlyPull();
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('the agenda asked for as the app starts', () => {
	it('asks a deep link’s days (the day its address names, or today in Paris) and gives them once', () => {
		const fetch = stubFetch();
		startEarlyPull(new URL('https://portail.test/agenda?vue=semaine&jour=2027-01-14'), MONDAY_9AM);
		const { from, to } = monthWindow('2027-01-14');
		expect(fetch).toHaveBeenCalledWith(pullUrl(from, to), expect.anything());
		expect(takeEarlyPull(from, to)).not.toBeNull();
		expect(takeEarlyPull(from, to)).toBeNull();

		startEarlyPull(new URL('https://portail.test/agenda'), MONDAY_9AM);
		const today = monthWindow('2026-11-30');
		expect(takeEarlyPull(today.from, today.to)).not.toBeNull();
	});

	it('asks nothing for another page', () => {
		const fetch = stubFetch();
		startEarlyPull(new URL('https://portail.test/demandes'), MONDAY_9AM);
		startEarlyPull(new URL('https://portail.test/agenda-scolaire'), MONDAY_9AM);
		expect(fetch).not.toHaveBeenCalled();
	});

	it('is not given for other days, once too old, or after a push or a change of session', () => {
		stubFetch();
		const { from, to } = monthWindow('2026-11-30');
		const start = () => startEarlyPull(new URL('https://portail.test/agenda'), MONDAY_9AM);
		start();
		expect(takeEarlyPull('2026-12-01', to)).toBeNull();
		// Asked for other days, it is gone: the engine's next pull goes to the server.
		expect(takeEarlyPull(from, to)).toBeNull();

		start();
		dropEarlyPull();
		expect(takeEarlyPull(from, to)).toBeNull();

		vi.useFakeTimers({ now: MONDAY_9AM });
		start();
		vi.advanceTimersByTime(21_000);
		expect(takeEarlyPull(from, to)).toBeNull();
	});
});
