/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

const sw = self as unknown as ServiceWorkerGlobalScope;

// The app shell and every built asset, so the portal opens with no network after one visit.
// Hashed build files are their own revision; static files and the shell change with the version.
precacheAndRoute([
	...build.map((url) => ({ url, revision: null })),
	...files.map((url) => ({ url, revision: version })),
	{ url: '/', revision: version }
]);
cleanupOutdatedCaches();

// Any page address opens the shell; the SPA's router then draws the page. The API is never cached
// here: offline data lives in IndexedDB, where the app decides what is fresh.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), { denylist: [/^\/api\//] }));

// The first install takes the open page at once; a later version waits until the user accepts it.
clientsClaim();
sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});
