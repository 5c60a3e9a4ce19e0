/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute,
	PrecacheController,
	PrecacheRoute
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import {
	precachePlan,
	type PrecacheGroups,
	type PrecacheMessage,
	type StagedGroup
} from './lib/pwa/precache-groups.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;
/** Set by the build (vite.config.ts) from the app's import graph; null: everything at install. */
declare const __PRECACHE_GROUPS__: PrecacheGroups | null;

const plan = precachePlan(build, typeof __PRECACHE_GROUPS__ === 'undefined' ? null : __PRECACHE_GROUPS__);

// The public pages' shell at install, so they open with no network after one visit. Hashed build
// files are their own revision; static files and the shell change with the version.
precacheAndRoute([
	...plan.install.map((url) => ({ url, revision: null })),
	...files.map((url) => ({ url, revision: version })),
	{ url: '/', revision: version }
]);
cleanupOutdatedCaches();

/**
 * A family's pages and the back office are downloaded once someone who uses them signs in on the
 * device (the page says so: src/lib/pwa/staged-precache.ts), in caches of their own that workbox
 * serves and cleans like the main one. Their names hold no "-precache-": cleanupOutdatedCaches
 * would take them for an old version's.
 */
const staged: Record<StagedGroup, PrecacheController> = {
	famille: new PrecacheController({ cacheName: 'portail-pages-famille' }),
	agent: new PrecacheController({ cacheName: 'portail-pages-agent' })
};
for (const group of ['famille', 'agent'] as const) {
	staged[group].addToCacheList(plan[group].map((url) => ({ url, revision: null })));
	registerRoute(new PrecacheRoute(staged[group]));
}

/** Downloads what a group's cache lacks, one file at a time (a phone's network is slow). */
async function download(group: StagedGroup): Promise<void> {
	const controller = staged[group];
	const cache = await caches.open(controller.strategy.cacheName);
	for (const [url, cacheKey] of controller.getURLsToCacheKeys()) {
		if (await cache.match(cacheKey)) continue;
		const response = await fetch(url, { credentials: 'same-origin' });
		if (!response.ok) throw new Error(`${url} : ${response.status}`);
		await cache.put(cacheKey, response);
	}
}

/** A group downloaded by an earlier version is wanted again: the update brings its new files. */
async function wanted(group: StagedGroup): Promise<boolean> {
	const name = staged[group].strategy.cacheName;
	return (await caches.has(name)) && (await (await caches.open(name)).keys()).length > 0;
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		Promise.all(
			(['famille', 'agent'] as const).map(async (group) => {
				if (await wanted(group)) await download(group);
			})
		)
	);
});
sw.addEventListener('activate', (event) => {
	// An older version's files leave the staged caches as they leave the main one.
	for (const controller of Object.values(staged)) controller.activate(event);
});

// Any page address opens the shell; the SPA's router then draws the page. The API is never cached
// here: offline data lives in IndexedDB, where the app decides what is fresh.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), { denylist: [/^\/api\//] }));

// The first install takes the open page at once; a later version waits until the user accepts it.
clientsClaim();
sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string } | null;
	if (data?.type === 'SKIP_WAITING') void sw.skipWaiting();
	if (data?.type === 'PRECACHE') {
		const { group } = data as PrecacheMessage;
		if (!(group in staged)) return;
		// Whoever asked with a port hears when the group is all on the device.
		const done = download(group).then(
			() => true,
			() => false
		);
		event.waitUntil(done.then((complete) => event.ports[0]?.postMessage({ complete })));
	}
});
