import type { PrecacheMessage, StagedGroup } from './precache-groups.ts';

/**
 * Asks the service worker for the pages of whoever is signed in (a family's, or the back office's),
 * so they open offline too; it downloads only what it lacks. Sent at every start while signed in:
 * a worker that took over since (an update) gets the request as well.
 */
export function precacheFor(group: StagedGroup): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	void navigator.serviceWorker.ready
		.then((registration) =>
			registration.active?.postMessage({ type: 'PRECACHE', group } satisfies PrecacheMessage)
		)
		.catch(() => undefined);
}
