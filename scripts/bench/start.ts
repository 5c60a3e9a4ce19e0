// The server's start and its memory at idle (issue 11): the built server (build-server/index.js, as
// `npm start` runs it) spawned on a fresh demonstration DATA_DIR and on the bench's town, timed from
// spawn to its first 200 on /api/health, then its resident memory once it has answered a few
// requests and settled. Alone: node --import tsx scripts/bench/start.ts [--tsx] [DATA_DIR of a town].
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../../tests/e2e/support/portal-server.ts';
import { int, ms, printTable, type Line } from './report.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVER = join(ROOT, 'build-server/index.js');
/** As `npm start` runs it: scripts/start.mjs turns source maps on before importing the server. */
const SOURCE_MAPS = '--enable-source-maps';
export const START_TARGET_MS = 400;
export const IDLE_RSS_TARGET_MIB = 90;
/** Timed starts per database (after one untimed start: the demo's installs its data). */
export const START_RUNS = 5;
/** How long the server is left alone after its requests before its memory is read. */
const SETTLE_MS = 1000;
/** What a first visit asks of an idle portal: the shell, the catalogue, the session, the health. */
const IDLE_REQUESTS = ['/', '/api/catalog', '/api/auth/session', '/api/health', '/', '/api/catalog'];

export type Run = { ms: number; cpuMs: number; rssMiB: number };

export type StartFigures = {
	/** Median of the timed starts, spawn to the first 200 of /api/health (ms). */
	startMs: number;
	runsMs: number[];
	/** Median CPU time the server used to get there (ms): what a loaded machine does not inflate. */
	cpuMs: number;
	/** Median VmRSS at idle over the timed starts (MiB), and the largest. */
	rssMiB: number;
	rssMaxMiB: number;
	/** The untimed first start (a fresh demo DATA_DIR: migrations and demonstration data). */
	firstMs: number;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const sleep = (duration: number) => new Promise((r) => setTimeout(r, duration));

/** The status of GET `path`, 0 when the server does not answer (yet). */
function status(port: number, path: string): Promise<number> {
	return new Promise((done) => {
		const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
			res.resume();
			res.on('end', () => done(res.statusCode ?? 0));
		});
		req.on('error', () => done(0));
		req.end();
	});
}

/** CPU time (user + system, every thread) the process has used so far, in ms. */
function cpuMs(pid: number): number {
	// The fields after the command's name (which may hold spaces): utime and stime are the 12th and 13th.
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
/** Linux's USER_HZ, the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS = 100;

function residentMiB(pid: number): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
	if (!line?.[1]) throw new Error(`VmRSS illisible pour le processus ${pid}`);
	return Number(line[1]) / 1024;
}

/** One start of the built server on `dataDir`: its time to health and, when asked, its idle memory. */
async function startOnce(
	dataDir: string,
	env: Record<string, string>,
	idle: boolean,
	args: string[]
): Promise<Run> {
	const port = await freePort();
	const started = performance.now();
	// A clean environment: nothing of the bench's own (NODE_OPTIONS, DEMO…) reaches the server.
	const child = spawn(process.execPath, args, {
		cwd: ROOT,
		env: {
			PATH: process.env.PATH ?? '',
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			DATA_DIR: dataDir,
			APP_DIR: existsSync(join(ROOT, 'build/index.html')) ? join(ROOT, 'build') : join(dataDir, 'no-build'),
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr.on('data', (d: Buffer) => (output += d.toString()));
	const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
	let run: Run;
	try {
		let elapsed = 0;
		let cpu = 0;
		while (!elapsed) {
			if (child.exitCode !== null) throw new Error(`Le serveur s’est arrêté :\n${output}`);
			if (performance.now() - started > 30_000) throw new Error(`Le serveur ne répond pas :\n${output}`);
			if ((await status(port, '/api/health')) === 200) {
				elapsed = performance.now() - started;
				cpu = cpuMs(child.pid ?? 0);
			} else await sleep(5);
		}
		let rssMiB = NaN;
		if (idle) {
			for (const path of IDLE_REQUESTS) {
				const answered = await status(port, path);
				if (answered !== 200) throw new Error(`GET ${path} : ${answered}\n${output}`);
			}
			await sleep(SETTLE_MS);
			rssMiB = residentMiB(child.pid ?? 0);
		}
		run = { ms: elapsed, cpuMs: cpu, rssMiB };
	} finally {
		child.kill('SIGTERM');
		await exited;
	}
	// A server that cannot stop cleanly is a failed start too.
	if (child.exitCode !== 0) throw new Error(`Arrêt du serveur : code ${child.exitCode}\n${output}`);
	return run;
}

/** The built server's start on `dataDir`: one untimed start, then START_RUNS timed with their memory. */
export async function measureStart(
	dataDir: string,
	env: Record<string, string> = {},
	args = [SOURCE_MAPS, SERVER]
): Promise<StartFigures> {
	const first = await startOnce(dataDir, env, false, args);
	const runs: Run[] = [];
	for (let i = 0; i < START_RUNS; i++) runs.push(await startOnce(dataDir, env, true, args));
	const rss = runs.map((r) => r.rssMiB);
	return {
		startMs: median(runs.map((r) => r.ms)),
		runsMs: runs.map((r) => r.ms),
		cpuMs: median(runs.map((r) => r.cpuMs)),
		rssMiB: median(rss),
		rssMaxMiB: Math.max(...rss),
		firstMs: first.ms
	};
}

/** Builds the server from the current sources, so the figures are theirs. */
export function buildServer(): void {
	const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
	if (built.status !== 0) throw new Error('La construction du serveur a échoué');
}

function describe(name: string, f: StartFigures): void {
	console.log(
		`  ${name.padEnd(26)} démarrage ${ms(f.startMs)} (médiane de ${START_RUNS} : ${f.runsMs.map((r) => r.toFixed(0)).join(', ')} ms ; ` +
			`CPU ${ms(f.cpuMs)}), ` +
			`mémoire au repos ${int(f.rssMiB)} Mio (au plus ${int(f.rssMaxMiB)}) ; premier démarrage ${ms(f.firstMs)}`
	);
}

function lines(name: string, f: StartFigures): Line[] {
	return [
		{
			label: `Démarrage du serveur, ${name}`,
			value: ms(f.startMs),
			target: `< ${START_TARGET_MS} ms`,
			met: f.startMs < START_TARGET_MS
		},
		{
			label: `Mémoire du serveur au repos, ${name}`,
			value: `${int(f.rssMiB)} Mio`,
			target: `< ${IDLE_RSS_TARGET_MIB} Mio`,
			met: f.rssMiB < IDLE_RSS_TARGET_MIB
		}
	];
}

/**
 * The bench's part: the built server on a fresh demonstration DATA_DIR (its first start installs
 * the demonstration data, untimed), then on the town's DATA_DIR (`townDir`, 5,000 households).
 */
export async function benchStart(townDir: string, households: number): Promise<Line[]> {
	console.log(
		`\nDémarrage du serveur construit (node --enable-source-maps build-server/index.js, processus à part) : ` +
			`du lancement au premier 200 de /api/health, puis mémoire (VmRSS) ${SETTLE_MS / 1000} s après ` +
			`${IDLE_REQUESTS.length} requêtes`
	);
	buildServer();
	const demoDir = mkdtempSync(join(tmpdir(), 'portail-bench-demo-'));
	try {
		const demo = await measureStart(demoDir, { DEMO: 'true' });
		describe('démonstration', demo);
		const town = await measureStart(townDir);
		describe(`${int(households)} foyers`, town);
		return [...lines('démonstration', demo), ...lines(`${int(households)} foyers`, town)];
	} finally {
		rmSync(demoDir, { recursive: true, force: true });
	}
}

// `--tsx`: the TypeScript sources through tsx instead, as the server started before issue 11.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const tsx = process.argv.includes('--tsx');
	const townDir = process.argv.slice(2).find((a) => !a.startsWith('--'));
	// `--server=FILE`: another bundle, to compare build settings.
	const other = process.argv.find((a) => a.startsWith('--server='))?.slice('--server='.length);
	const args = tsx ? ['--import', 'tsx', 'server/index.ts'] : [SOURCE_MAPS, other ? resolve(other) : SERVER];
	if (!tsx && !other) buildServer();
	const demoDir = mkdtempSync(join(tmpdir(), 'portail-bench-demo-'));
	try {
		const demo = await measureStart(demoDir, { DEMO: 'true' }, args);
		describe('démonstration', demo);
		const result = lines('démonstration', demo);
		if (townDir) {
			const town = await measureStart(townDir, {}, args);
			describe(townDir, town);
			result.push(...lines('ville', town));
		}
		printTable(result);
	} finally {
		rmSync(demoDir, { recursive: true, force: true });
	}
}
