import type { Workbox } from 'workbox-window';

/**
 * Whether a new version of the app is installed and waiting. The user decides when to switch:
 * reloading on their behalf could lose a form being typed.
 */
class UpdateState {
	waiting = $state(false);
	#workbox: Workbox | null = null;

	attach(workbox: Workbox) {
		this.#workbox = workbox;
	}

	/** Ask the waiting worker to take over, then reload once it controls the page. */
	apply() {
		const wb = this.#workbox;
		if (!wb) return;
		wb.addEventListener('controlling', () => window.location.reload());
		wb.messageSkipWaiting();
	}
}

export const updateState = new UpdateState();
