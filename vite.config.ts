import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin, ResolvedConfig } from 'vite';
import { defineConfig } from 'vitest/config';
import { precacheGroups, type BuiltChunk } from './src/lib/pwa/precache-groups.ts';

const apiTarget = `http://localhost:${process.env.API_PORT ?? '3000'}`;

const GROUPS_FILE = '.svelte-kit/output/precache-groups.json';

/**
 * Gives the service worker (src/service-worker.ts) the files it downloads on demand, as
 * `__PRECACHE_GROUPS__`. SvelteKit runs the app's client build from within its server build, then
 * builds the worker with the server build's `define`: the client build writes the groups found in
 * its bundle to GROUPS_FILE (scripts/size.mjs reads it too), and the server build's `define` reads
 * that file when the worker's build asks for it.
 */
function precacheGroupsPlugin(): Plugin {
	let config: ResolvedConfig;
	return {
		name: 'portail-precache-groups',
		apply: 'build',
		configResolved(resolved) {
			config = resolved;
			if (!resolved.build.ssr) return;
			Object.defineProperty(resolved.define ?? {}, '__PRECACHE_GROUPS__', {
				enumerable: true,
				configurable: true,
				// Read when the worker is built, after the client build wrote it; null: precache all.
				get: () => (existsSync(GROUPS_FILE) ? readFileSync(GROUPS_FILE, 'utf8') : 'null')
			});
		},
		buildStart() {
			// No groups of an earlier build are ever given to this one's worker.
			if (!config.build.ssr) rmSync(GROUPS_FILE, { force: true });
		},
		generateBundle(_options, bundle) {
			if (config.build.ssr) return;
			const chunks: BuiltChunk[] = [];
			for (const output of Object.values(bundle)) {
				if (output.type !== 'chunk') continue;
				chunks.push({
					file: output.fileName,
					modules: output.moduleIds,
					imports: output.imports,
					dynamicImports: output.dynamicImports,
					assets: [
						...(output.viteMetadata?.importedCss ?? []),
						...(output.viteMetadata?.importedAssets ?? [])
					]
				});
			}
			writeFileSync(GROUPS_FILE, JSON.stringify(precacheGroups(chunks), null, '\t'));
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), precacheGroupsPlugin()],
	server: {
		// `npm run dev` serves the app with Vite and sends /api to the Hono server (`npm run dev:server`).
		proxy: { '/api': { target: apiTarget, changeOrigin: false } }
	},
	build: {
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
		environment: 'node',
		pool: 'forks'
	}
});
