import { Workbox } from 'workbox-window';

/** As the portal's src/lib/pwa/register-service-worker.ts: workbox-window, a waiting worker waits. */
export async function registerServiceWorker(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	const wb = new Workbox('/service-worker.js');
	await wb.register();
}
