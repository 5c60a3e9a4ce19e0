// Prints what each page makes a phone download at first load: the shell (the entry, the root
// layout and the fallback page's preloads) plus the page's own route nodes (its layouts and page
// with their static imports), raw, gzip and brotli. What a page loads later by a dynamic import is
// not counted: it does not hold up the first render. Budgets (JavaScript, gzip): 70 KiB for the
// public pages, 110 KiB for the signed-in ones. `--detail` also lists the home page's files.
// Usage: npm run build && npm run size (also the first part of npm run bench, skipped without a build)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const PUBLIC_BUDGET_KIB = 70;
const SIGNED_IN_BUDGET_KIB = 110;
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

/** The pages measured, each with the route components the router loads for it (layouts first). */
const PAGES = [
	{ name: 'Accueil', budget: 'public', routes: ['+page.svelte'] },
	{ name: 'Connexion', budget: 'public', routes: ['connexion/+page.svelte'] },
	{ name: 'Créer mon compte', budget: 'public', routes: ['creer-mon-compte/+page.svelte'] },
	{
		name: 'Créer mon compte (formulaire)',
		budget: 'public',
		routes: ['creer-mon-compte/formulaire/+page.svelte']
	},
	{ name: 'Identifiants perdus', budget: 'public', routes: ['identifiants-perdus/+page.svelte'] },
	{
		name: 'Démarche',
		budget: 'public',
		routes: ['(citoyen)/+layout.svelte', '(citoyen)/demarches/[slug]/+page.svelte']
	},
	{
		name: 'Agenda',
		budget: 'signed-in',
		routes: ['(citoyen)/+layout.svelte', '(citoyen)/agenda/+page.svelte']
	},
	{
		name: 'Mes demandes',
		budget: 'signed-in',
		routes: ['(citoyen)/+layout.svelte', '(citoyen)/demandes/+page.svelte']
	},
	{
		name: 'Fiche enfant (étape)',
		budget: 'signed-in',
		routes: ['(citoyen)/+layout.svelte', '(citoyen)/demandes/[id]/formulaire/+page.svelte']
	},
	{
		name: 'Profil',
		budget: 'signed-in',
		routes: ['(citoyen)/+layout.svelte', '(citoyen)/profil/+page.svelte']
	},
	{
		name: 'Échanges',
		budget: 'signed-in',
		routes: ['(citoyen)/+layout.svelte', '(citoyen)/echanges/+page.svelte']
	},
	{
		name: 'Back office : demandes',
		budget: 'signed-in',
		routes: ['admin/+layout.svelte', 'admin/demandes/+page.svelte']
	}
];

const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
/** A manifest entry and all it imports statically, as the browser fetches them before rendering. */
function collect(key, files) {
	const entry = manifest[key];
	if (!entry || files.has(entry.file)) return files;
	files.add(entry.file);
	for (const css of entry.css ?? []) files.add(css);
	for (const dep of entry.imports ?? []) collect(dep, files);
	return files;
}
const keyOf = (suffix) => Object.keys(manifest).find((k) => k.endsWith(suffix));
/** The generated node file that wraps a route component (nodes/N.js names it in its export). */
const nodeOf = (component) => {
	const key = Object.keys(manifest).find(
		(k) =>
			k.includes('/nodes/') && existsSync(k) && readFileSync(k, 'utf8').includes(`/src/routes/${component}"`)
	);
	if (!key) throw new Error(`Nœud introuvable dans le manifeste de Vite : ${component}`);
	return key;
};

const shell = new Set();
for (const key of [
	keyOf('.svelte-kit/generated/client-optimized/app.js'),
	keyOf('node_modules/@sveltejs/kit/src/runtime/client/entry.js'),
	nodeOf('+layout.svelte')
]) {
	if (!key) throw new Error('Entrées introuvables dans le manifeste de Vite');
	collect(key, shell);
}
// The fallback page also lists its preloads: take them too, in case the manifest misses one.
for (const m of readFileSync(join(appDir, 'index.html'), 'utf8').matchAll(/href="\/(_app\/[^"]+)"/g)) {
	shell.add(m[1].replace(/^_app\/immutable\//, ''));
}

const sizes = new Map();
function sizeOf(file) {
	const f = file.replace(/^\/?(_app\/immutable\/)?/, '');
	if (!sizes.has(f)) {
		const raw = readFileSync(join(appDir, '_app/immutable', f));
		sizes.set(f, {
			file: `_app/immutable/${f}`,
			raw: raw.length,
			gzip: gzipSync(raw, { level: 9 }).length,
			brotli: brotliCompressSync(raw).length
		});
	}
	return sizes.get(f);
}
const kib = (n) => (n / 1024).toFixed(1).padStart(7);
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
/** Every file of a page's first load, the shell's included, largest first. */
function firstLoad(page) {
	const files = new Set(shell);
	for (const route of page.routes) collect(nodeOf(route), files);
	const rows = [...new Set([...files].map((f) => sizeOf(f)))];
	return rows.sort((a, b) => b.gzip - a.gzip);
}

if (process.argv.includes('--detail')) {
	console.log('Page d’accueil publique — premier chargement');
	console.log(
		`${'fichier'.padEnd(52)} ${'brut'.padStart(7)} ${'gzip'.padStart(7)} ${'brotli'.padStart(7)} (KiB)`
	);
	for (const r of firstLoad(PAGES[0]))
		console.log(`${r.file.padEnd(52)} ${kib(r.raw)} ${kib(r.gzip)} ${kib(r.brotli)}`);
	console.log('');
}

console.log('Premier chargement de chaque page (JavaScript ; CSS en gzip)');
console.log(
	`${'page'.padEnd(32)} ${'brut'.padStart(7)} ${'gzip'.padStart(7)} ${'brotli'.padStart(7)} ${'CSS'.padStart(7)}  budget (KiB)`
);
let over = 0;
for (const page of PAGES) {
	const rows = firstLoad(page);
	const js = rows.filter((r) => r.file.endsWith('.js'));
	const css = rows.filter((r) => r.file.endsWith('.css'));
	const budget = page.budget === 'public' ? PUBLIC_BUDGET_KIB : SIGNED_IN_BUDGET_KIB;
	const ok = sum(js, 'gzip') / 1024 <= budget;
	if (!ok) over += 1;
	console.log(
		`${page.name.padEnd(32)} ${kib(sum(js, 'raw'))} ${kib(sum(js, 'gzip'))} ${kib(sum(js, 'brotli'))} ${kib(sum(css, 'gzip'))}  ${String(budget).padStart(3)} ${page.budget === 'public' ? 'public' : 'connecté'} : ${ok ? 'respecté' : 'DÉPASSÉ'}`
	);
}
console.log(
	over === 0
		? `Budgets respectés (${PUBLIC_BUDGET_KIB} KiB public, ${SIGNED_IN_BUDGET_KIB} KiB connecté, JavaScript gzip).`
		: `${over} page(s) au-delà de leur budget (${PUBLIC_BUDGET_KIB} KiB public, ${SIGNED_IN_BUDGET_KIB} KiB connecté).`
);

// What the service worker downloads: at install (a first visit), then a family's or the back
// office's pages once someone of them signs in; altcha never (the registration form needs the
// network for it anyway). Its list as SvelteKit gives it (the client manifest's files, the static
// folder, the shell), split by the groups the build found (vite.config.ts).
const groupsFile = '.svelte-kit/output/precache-groups.json';
const groups = existsSync(groupsFile) ? JSON.parse(readFileSync(groupsFile, 'utf8')) : null;
const built = new Set();
for (const entry of Object.values(manifest)) {
	built.add(entry.file);
	for (const f of [...(entry.css ?? []), ...(entry.assets ?? [])]) built.add(f);
}
const brotliOf = (path) => brotliCompressSync(readFileSync(path)).length;
const staticFiles = (dir) =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => join(d.parentPath, d.name));
const inGroup = (name) => new Set(groups?.[name] ?? []);
const staged = { famille: inGroup('famille'), agent: inGroup('agent'), reseau: inGroup('reseau') };
const totals = { install: 0, famille: 0, agent: 0, reseau: 0, all: 0 };
for (const f of built) {
	const bytes = brotliOf(join(appDir, f));
	totals.all += bytes;
	const group = Object.keys(staged).find((g) => staged[g].has(f));
	totals[group ?? 'install'] += bytes;
}
for (const path of [...staticFiles('static'), join(appDir, 'index.html')]) {
	const bytes = brotliOf(path);
	totals.all += bytes;
	totals.install += bytes;
}
const SW_BUDGET_KIB = 100;
console.log('');
console.log('Service worker (brotli)');
console.log(`Première visite (installation) : ${kib(totals.install)} KiB`);
console.log(`Pages d’une famille connectée  : ${kib(totals.famille)} KiB (après sa connexion)`);
console.log(`Back office (agent connecté)   : ${kib(totals.agent)} KiB (après sa connexion)`);
console.log(`Jamais préchargé (altcha, liens d’e-mails) : ${kib(totals.reseau)} KiB`);
console.log(`Tout préchargé à l’installation : ${kib(totals.all)} KiB (sans les étapes)`);
console.log(
	`Budget ${SW_BUDGET_KIB} KiB à la première visite : ${totals.install / 1024 <= SW_BUDGET_KIB && groups ? 'respecté' : 'DÉPASSÉ'}`
);
