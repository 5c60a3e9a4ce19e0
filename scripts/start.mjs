// `npm start` and `npm run demo`: build the app when the sources are newer than the build, then run
// the server in this process (TypeScript through tsx). `--demo` serves ./data/demo (unless DATA_DIR
// is set) after adding the demonstration data when missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

const shell = join(appDir, 'index.html');
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
if (!existsSync(shell) || newest(sources) > statSync(shell).mtimeMs) {
	console.info('[portail] construction de l’application (vite build)…');
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

if (demo) process.env.DATA_DIR ||= './data/demo';
if (demo) process.env.DEMO = 'true';
const { register } = await import('tsx/esm/api');
register();
await import('../server/index.ts');
