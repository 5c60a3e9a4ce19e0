// `npm start` and `npm run demo`: build the app and the server when their sources are newer than
// their builds, then run the built server in this process (plain JavaScript: no TypeScript compiled
// at start). `--demo` serves ./data/demo (unless DATA_DIR is set) after adding the demonstration data
// when missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, SERVER_ENTRY, SERVER_SOURCES } from './build-server.mjs';

const demo = process.argv.includes('--demo');
const appDir = process.env.APP_DIR || 'build';

/** Newest modification time under the given paths (files or folders). */
function newest(paths) {
	let latest = 0;
	const visit = (path) => {
		if (!existsSync(path)) return;
		const stat = statSync(path);
		if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
		else latest = Math.max(latest, stat.mtimeMs);
	};
	paths.forEach(visit);
	return latest;
}

/** Whether `output` is missing or older than one of `sources`. */
const stale = (output, sources) => !existsSync(output) || newest(sources) > statSync(output).mtimeMs;

const shell = join(appDir, 'index.html');
if (stale(shell, ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'])) {
	console.info('[portail] construction de l’application (vite build)…');
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
if (stale(SERVER_ENTRY, [...SERVER_SOURCES, 'scripts/build-server.mjs'])) {
	console.info('[portail] construction du serveur (esbuild)…');
	await buildServer();
}

if (demo) process.env.DATA_DIR ||= './data/demo';
if (demo) process.env.DEMO = 'true';
// Stack traces name the TypeScript files, through the bundle's source map.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(resolve(SERVER_ENTRY)).href);
