import type { ClientInit } from '@sveltejs/kit';
import { startEarlyPull } from '$lib/offline/early-pull.ts';

/** Runs once, before the first page's code loads: what that page will need from the network starts now. */
export const init: ClientInit = () => {
	startEarlyPull(new URL(location.href));
};
