import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const apiTarget = `http://localhost:${process.env.API_PORT ?? '3000'}`;

export default defineConfig({
	plugins: [sveltekit()],
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
