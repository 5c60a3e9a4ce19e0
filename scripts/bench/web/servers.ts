import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, PortalServer, stopChild } from '../../../tests/e2e/support/portal-server.ts';
import { BENCH_NOW } from './throttled-load.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const PORTAL_BUILD = join(ROOT, 'build');
export const SHELL_DIR = join(ROOT, 'bench/empty-shell');
export const SHELL_BUILD = join(SHELL_DIR, 'build');

/** Newest modification time under the given paths (files or folders), as scripts/start.mjs does. */
function newest(paths: string[]): number {
	let latest = 0;
	const visit = (path: string) => {
		if (!existsSync(path)) return;
		const stat = statSync(path);
		if (stat.isDirectory()) {
			for (const name of readdirSync(path))
				if (name !== 'build' && name !== '.svelte-kit') visit(join(path, name));
		} else latest = Math.max(latest, stat.mtimeMs);
	};
	paths.forEach(visit);
	return latest;
}

function run(command: string, args: string[], cwd: string): void {
	const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} a échoué (${cwd})`);
}

const stale = (shell: string, sources: string[]) =>
	!existsSync(shell) || newest(sources) > statSync(shell).mtimeMs;

/** Builds the portal when its sources are newer than its build, then the empty shell likewise. */
export function buildBoth(): void {
	const portalSources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
	if (
		stale(
			join(PORTAL_BUILD, 'index.html'),
			portalSources.map((p) => join(ROOT, p))
		)
	) {
		console.log('Construction du portail (vite build)…');
		run('npx', ['vite', 'build'], ROOT);
	}
	// Vite reads the repository's tsconfig.json for files outside the shell, which extends the
	// portal's generated one.
	if (!existsSync(join(ROOT, '.svelte-kit/tsconfig.json'))) run('npx', ['svelte-kit', 'sync'], ROOT);
	if (stale(join(SHELL_BUILD, 'index.html'), [SHELL_DIR, join(ROOT, 'package-lock.json')])) {
		console.log('Construction de la coquille vide (bench/empty-shell, vite build)…');
		run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], SHELL_DIR);
	}
}

export type Server = { url: string; start(): Promise<void>; stop(): Promise<void> };

/** The real portal server with the demo data, in its own process (the offline load stops it). */
export async function portalServer(dataDir: string): Promise<Server> {
	const port = await freePort();
	return new PortalServer(port, {
		DATA_DIR: dataDir,
		APP_DIR: PORTAL_BUILD,
		PUBLIC_URL: `http://localhost:${port}`,
		DEMO: 'true',
		TEST_NOW: BENCH_NOW
	});
}

/** The empty shell's Hono static server (scripts/bench/web/shell-server.ts), in its own process. */
export class ShellServer implements Server {
	#process: ChildProcess | null = null;
	constructor(readonly port: number) {}

	get url(): string {
		return `http://localhost:${this.port}`;
	}

	async start(): Promise<void> {
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/web/shell-server.ts'], {
			cwd: ROOT,
			env: { ...process.env, PORT: String(this.port), APP_DIR: SHELL_BUILD },
			stdio: ['ignore', 'ignore', 'inherit']
		});
		this.#process = child;
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error('Le serveur de la coquille vide s’est arrêté');
			try {
				if ((await fetch(`http://127.0.0.1:${this.port}/api/health`)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error('Le serveur de la coquille vide n’a pas répondu en 30 s');
	}

	async stop(): Promise<void> {
		const child = this.#process;
		this.#process = null;
		await stopChild(child);
	}
}

export async function shellServer(): Promise<ShellServer> {
	return new ShellServer(await freePort());
}
