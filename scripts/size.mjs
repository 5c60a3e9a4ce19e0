// Prints what the public home page makes a phone download at first load: every JavaScript and CSS
// file the built page loads (modulepreload, stylesheet, the entry imports and the home route's
// node with its static imports), raw, gzip and brotli. Budget: 100 KiB of JavaScript compressed.
// Usage: npm run build && npm run size (also the first part of npm run bench, skipped without a build)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const BUDGET_KIB = 100;
const appDir = process.env.APP_DIR ?? 'build';
const manifestFile = '.svelte-kit/output/client/.vite/manifest.json';
if (!existsSync(join(appDir, 'index.html')) || !existsSync(manifestFile)) {
	// `npm run bench` goes on with its server figures: only this part needs the build.
	if (process.argv.includes('--if-built')) {
		console.log('Poids du premier chargement non mesuré : lancez d’abord npm run build.');
		process.exit(0);
	}
	console.error('Construisez d’abord l’application : npm run build');
	process.exit(1);
}

const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const files = new Set();
/** A manifest entry and all it imports statically, as the browser fetches them before rendering. */
function collect(key) {
	const entry = manifest[key];
	if (!entry || files.has(entry.file)) return;
	files.add(entry.file);
	for (const css of entry.css ?? []) files.add(css);
	for (const dep of entry.imports ?? []) collect(dep);
}
const keyOf = (suffix) => Object.keys(manifest).find((k) => k.endsWith(suffix));
/** The generated node file that wraps a route component (nodes/N.js names it in its export). */
const nodeOf = (component) =>
	Object.keys(manifest).find(
		(k) => k.includes('/nodes/') && existsSync(k) && readFileSync(k, 'utf8').includes(`/${component}"`)
	);
const entries = [
	keyOf('.svelte-kit/generated/client-optimized/app.js'),
	keyOf('node_modules/@sveltejs/kit/src/runtime/client/entry.js'),
	nodeOf('src/routes/+layout.svelte'),
	nodeOf('src/routes/+page.svelte')
];
if (entries.some((k) => !k)) throw new Error('Entrées introuvables dans le manifeste de Vite');
entries.forEach(collect);
// The fallback page also lists its preloads: take them too, in case the manifest misses one.
for (const m of readFileSync(join(appDir, 'index.html'), 'utf8').matchAll(/href="\/(_app\/[^"]+)"/g)) {
	files.add(m[1].replace(/^_app\/immutable\//, '_app/immutable/'));
}

const rows = [...files]
	.map((f) => f.replace(/^\/?/, ''))
	.filter((f, i, all) => all.indexOf(f) === i)
	.map((f) => {
		const path = join(appDir, f.startsWith('_app/') ? f : `_app/immutable/${f}`);
		const raw = readFileSync(path);
		return {
			file: f,
			raw: raw.length,
			gzip: gzipSync(raw, { level: 9 }).length,
			brotli: brotliCompressSync(raw).length
		};
	})
	.sort((a, b) => b.gzip - a.gzip);
const kib = (n) => (n / 1024).toFixed(1).padStart(7);
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);

console.log('Page d’accueil publique — premier chargement');
console.log(
	`${'fichier'.padEnd(52)} ${'brut'.padStart(7)} ${'gzip'.padStart(7)} ${'brotli'.padStart(7)} (KiB)`
);
for (const r of rows) console.log(`${r.file.padEnd(52)} ${kib(r.raw)} ${kib(r.gzip)} ${kib(r.brotli)}`);
const js = rows.filter((r) => r.file.endsWith('.js'));
const css = rows.filter((r) => r.file.endsWith('.css'));
console.log(
	`JavaScript : ${kib(sum(js, 'raw'))} brut, ${kib(sum(js, 'gzip'))} gzip, ${kib(sum(js, 'brotli'))} brotli`
);
console.log(
	`CSS        : ${kib(sum(css, 'raw'))} brut, ${kib(sum(css, 'gzip'))} gzip, ${kib(sum(css, 'brotli'))} brotli`
);
const verdict = sum(js, 'gzip') / 1024 <= BUDGET_KIB ? 'respecté' : 'DÉPASSÉ';
console.log(`Budget ${BUDGET_KIB} KiB de JavaScript compressé (gzip) : ${verdict}`);
