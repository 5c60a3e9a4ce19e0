import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route is rendered in the browser from the fallback page,
		// which the Hono server (server/http/spa.ts) returns for any non-API path.
		adapter: adapter({ fallback: 'index.html', precompress: true, strict: true }),
		// Registered by hand with workbox-window (src/lib/pwa/), so that a waiting version is
		// announced to the user instead of taking over mid-form.
		serviceWorker: { register: false },
		version: { pollInterval: 0 }
	}
};

export default config;
