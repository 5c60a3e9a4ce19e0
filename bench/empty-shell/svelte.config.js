import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The web benchmark's reference: built like the portal (svelte.config.js at the repository's root),
// so that what differs between the two is the portal's own code.
/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: 'index.html', precompress: true, strict: true }),
		serviceWorker: { register: false },
		version: { pollInterval: 0 }
	}
};

export default config;
