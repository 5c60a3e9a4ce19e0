// The web benchmark (issue 11): the portal's pages loaded cold on a throttled phone (Playwright,
// Debian's chromium, CDP: 150 ms RTT, 1.6 / 0.75 Mbps, CPU 4x, 360x740), beside an almost empty
// SvelteKit shell built from bench/empty-shell/ as the reference; then what the service worker
// precaches on a first visit and the agenda's repeat load with the server stopped. Medians of
// alternating runs (portal, shell, portal, shell…). Figures are printed, not asserted: the exit code
// is 0 when a target is missed, non-zero only when the bench itself fails.
// Usage: npm run bench:web (BENCH_RUNS=5 runs by default; CHROMIUM_PATH=/usr/bin/chromium;
// BENCH_PAGES=agenda,horsligne for some parts only, among accueil, connexion, agenda, demandes,
// fiche, file and horsligne: the service worker and the offline repeat load).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { makeFicheDraft } from './bench/web/fiche-draft.ts';
import { compressedSize, offlineRepeat, type OfflineFigures } from './bench/web/offline-repeat.ts';
import { AGENDA, PORTAL_PAGES, SHELL_PAGE } from './bench/web/pages.ts';
import { buildBoth, PORTAL_BUILD, portalServer, SHELL_BUILD, shellServer } from './bench/web/servers.ts';
import { BENCH_NOW, coldLoad, SETTLE_MS, type LoadFigures } from './bench/web/throttled-load.ts';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? '5') || 5);
const RATIO_TARGET = 1.3;
const TBT_TARGET_MS = 150;
const PUBLIC_JS_KIB = 70;
const SIGNED_IN_JS_KIB = 110;
const SW_TARGET_KIB = 100;
const CHOSEN = process.env.BENCH_PAGES?.split(',').map((k) => k.trim());
const chosen = (key: string) => !CHOSEN || CHOSEN.includes(key);
const PAGES = PORTAL_PAGES.filter((p) => chosen(p.key));
const OFFLINE = chosen('horsligne');

// The machine may be shared: its load says how much of it the figures had.
const load = () => `${loadavg()[0]?.toFixed(1)} (${availableParallelism()} cœurs)`;
const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

/** The scripts' weight as gzip, from the built .gz files of the scripts the load fetched. */
const gzipOf = (appDir: string, figures: LoadFigures) =>
	figures.scriptPaths.reduce((sum, p) => sum + compressedSize(join(appDir, p), 'gz'), 0);

type Sample = LoadFigures & { gzip: number };
type Row = { label: string; portal: string; shell: string; ratio: string; target: string; met?: boolean };

function printRows(rows: Row[]): void {
	const verdict = (r: Row) => (r.met === undefined ? '—' : r.met ? 'atteint' : 'non atteint');
	const table = [
		['page / mesure', 'portail', 'coquille', 'rapport', 'objectif', 'résultat'],
		...rows.map((r) => [r.label, r.portal, r.shell, r.ratio, r.target, verdict(r)])
	];
	const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
	const format = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
	console.log('');
	console.log(format(table[0]!));
	console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
	for (const r of table.slice(1)) console.log(format(r));
}

async function main(): Promise<void> {
	console.log(`Banc d’essai web — ${RUNS} passages alternés, horloge fixée à ${BENCH_NOW}`);
	console.log(
		`Charge de la machine au départ : ${loadavg()[0]?.toFixed(1)} (${availableParallelism()} cœurs)`
	);
	buildBoth();
	const dataDir = mkdtempSync(join(tmpdir(), 'portail-bench-web-'));
	const portal = await portalServer(dataDir);
	const shell = await shellServer();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	try {
		await portal.start();
		await shell.start();
		console.log(`Portail ${portal.url} (données de démonstration, ${dataDir}), coquille vide ${shell.url}`);
		const draft = chosen('fiche') ? await makeFicheDraft(browser, portal.url) : '';
		const portalSamples = new Map<string, Sample[]>(PAGES.map((p) => [p.name, []]));
		const shellSamples: Sample[] = [];
		const portalOffline: OfflineFigures[] = [];
		const shellOffline: OfflineFigures[] = [];

		for (let run = 1; run <= RUNS; run++) {
			const started = Date.now();
			for (const page of PAGES) {
				const p = await coldLoad(browser, portal.url, page, page.path.replace('{draft}', draft));
				portalSamples.get(page.name)?.push({ ...p, gzip: gzipOf(PORTAL_BUILD, p) });
				const s = await coldLoad(browser, shell.url, SHELL_PAGE, SHELL_PAGE.path);
				shellSamples.push({ ...s, gzip: gzipOf(SHELL_BUILD, s) });
			}
			if (OFFLINE) {
				try {
					portalOffline.push(await offlineRepeat(browser, portal, PORTAL_BUILD, AGENDA, AGENDA.path));
				} finally {
					await portal.start();
				}
				try {
					shellOffline.push(await offlineRepeat(browser, shell, SHELL_BUILD, SHELL_PAGE, SHELL_PAGE.path));
				} finally {
					await shell.start();
				}
			}
			console.log(`passage ${run}/${RUNS} en ${((Date.now() - started) / 1000).toFixed(0)} s`);
		}

		const shellOf = (key: keyof Sample) => median(shellSamples.map((s) => Number(s[key])));
		const rows: Row[] = [];
		for (const page of PAGES) {
			const samples = portalSamples.get(page.name) ?? [];
			const of = (key: keyof Sample) => median(samples.map((s) => Number(s[key])));
			const main = of('mainContentMs');
			const jsTarget = page.account ? SIGNED_IN_JS_KIB : PUBLIC_JS_KIB;
			rows.push(
				{
					label: `${page.name} : contenu principal`,
					portal: ms(main),
					shell: ms(shellOf('mainContentMs')),
					ratio: ratio(main, shellOf('mainContentMs')),
					target: `≤ ${RATIO_TARGET}× coquille`,
					met: main <= RATIO_TARGET * shellOf('mainContentMs')
				},
				{
					label: `${page.name} : TBT`,
					portal: ms(of('tbtMs')),
					shell: ms(shellOf('tbtMs')),
					ratio: ratio(of('tbtMs'), shellOf('tbtMs')),
					target: `≤ ${TBT_TARGET_MS} ms`,
					met: of('tbtMs') <= TBT_TARGET_MS
				},
				{
					label: `${page.name} : CLS`,
					portal: of('cls').toFixed(3),
					shell: shellOf('cls').toFixed(3),
					ratio: '',
					target: '0',
					met: of('cls') === 0
				},
				{
					label: `${page.name} : JS (gzip)`,
					portal: kib(of('gzip')),
					shell: kib(shellOf('gzip')),
					ratio: ratio(of('gzip'), shellOf('gzip')),
					target: `≤ ${jsTarget} KiB`,
					met: of('gzip') <= jsTarget * 1024
				},
				{
					label: `${page.name} : JS transféré, requêtes`,
					portal: `${kib(of('jsTransferred'))}, ${of('requests')}`,
					shell: `${kib(shellOf('jsTransferred'))}, ${shellOf('requests')}`,
					ratio: ratio(of('jsTransferred'), shellOf('jsTransferred')),
					target: '—'
				}
			);
		}
		const off = (list: OfflineFigures[], key: keyof OfflineFigures) => median(list.map((o) => o[key]));
		if (OFFLINE)
			rows.push(
				{
					label: `service worker, 1re visite (précache, brotli)`,
					portal: `${kib(off(portalOffline, 'swPrecacheBrotli'))} (${off(portalOffline, 'swPrecacheFiles')} fichiers)`,
					shell: `${kib(off(shellOffline, 'swPrecacheBrotli'))} (${off(shellOffline, 'swPrecacheFiles')} fichiers)`,
					ratio: ratio(off(portalOffline, 'swPrecacheBrotli'), off(shellOffline, 'swPrecacheBrotli')),
					target: `≤ ${SW_TARGET_KIB} KiB`,
					met: off(portalOffline, 'swPrecacheBrotli') <= SW_TARGET_KIB * 1024
				},
				{
					label: `service worker, 1re visite : dont scripts (brotli)`,
					portal: kib(off(portalOffline, 'swPrecacheScripts')),
					shell: kib(off(shellOffline, 'swPrecacheScripts')),
					ratio: ratio(off(portalOffline, 'swPrecacheScripts'), off(shellOffline, 'swPrecacheScripts')),
					target: '—'
				},
				{
					label: `service worker, 1re visite (transféré par le SW)`,
					portal: kib(off(portalOffline, 'swTransferred')),
					shell: kib(off(shellOffline, 'swTransferred')),
					ratio: ratio(off(portalOffline, 'swTransferred'), off(shellOffline, 'swTransferred')),
					target: '—'
				},
				{
					label: `agenda hors ligne, serveur arrêté (coquille : sa page)`,
					portal: ms(off(portalOffline, 'offlineMainMs')),
					shell: ms(off(shellOffline, 'offlineMainMs')),
					ratio: ratio(off(portalOffline, 'offlineMainMs'), off(shellOffline, 'offlineMainMs')),
					target: '—'
				}
			);
		printRows(rows);
		console.log(
			'\nMédianes de ' +
				`${RUNS} passages ; coquille : médiane de ses ${shellSamples.length} chargements. TBT : tâches longues ` +
				`de la navigation à ${SETTLE_MS / 1000} s après le contenu principal ; CLS : plus grande fenêtre de ` +
				`session. Charge de la machine à la fin : ${load()}`
		);
	} finally {
		await browser.close();
		await portal.stop();
		await shell.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

main().catch((err: unknown) => {
	console.error(err);
	process.exitCode = 1;
});
