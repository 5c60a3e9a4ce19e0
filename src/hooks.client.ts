import type { ClientInit } from '@sveltejs/kit';
import { askEarly } from '$lib/api/early-answers.ts';
import { signOutPending } from '$lib/accounts/sign-out-flag.ts';

/**
 * Runs once, before the first page's code loads: what that page will ask the network for first is
 * asked now, so it comes back while the code loads instead of after it (a chain of round trips on
 * a rural phone). The session, unless a sign-out is to be told first (session-state.svelte.ts);
 * the agenda's days on a deep link to it (early-pull.ts, loaded only then).
 */
export const init: ClientInit = () => {
	const here = new URL(location.href);
	if (!signOutPending()) askEarly('session', '/api/auth/session');
	if (/^\/agenda\/?$/.test(here.pathname))
		void import('$lib/offline/early-pull.ts').then((m) => m.startEarlyPull(here));
};
