import { Workbox } from 'workbox-window';
import { updateState } from './update-state.svelte.ts';

/**
 * Registers the service worker built from src/service-worker.ts. Not in `vite dev`, where a worker
 * would serve stale modules. A worker that installs while another controls the page waits, and the
 * page offers "Recharger".
 */
export async function registerServiceWorker(dev: boolean): Promise<void> {
	if (dev || !('serviceWorker' in navigator)) return;
	const wb = new Workbox('/service-worker.js');
	updateState.attach(wb);
	wb.addEventListener('waiting', () => {
		updateState.waiting = true;
	});
	await wb.register();
}
