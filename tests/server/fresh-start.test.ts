import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/support/portal-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** vite build takes about 12 s on the development machine; a loaded one may need several times that. */
const START_MS = 150_000;

/**
 * `npm start` from a fresh clone (issue 11): the committed tree only, no build of either kind, so
 * start.mjs has to build the app and the server itself and then run the built server. node_modules
 * is linked from this checkout (installing is not what is tested).
 */
describe('npm start from a fresh clone', () => {
	const dir = mkdtempSync(join(tmpdir(), 'portail-clone-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it(
		'builds, serves /api/health and the shell, and stops cleanly on SIGTERM',
		async () => {
			const clone = join(dir, 'portail');
			const cloned = spawnSync('git', ['clone', '--quiet', '--local', ROOT, clone], { encoding: 'utf8' });
			expect(cloned.status, cloned.stderr).toBe(0);
			expect(existsSync(join(clone, 'build-server'))).toBe(false);
			symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');

			const port = await freePort();
			const env: Record<string, string> = {
				PATH: process.env.PATH ?? '',
				HOME: process.env.HOME ?? dir,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATA_DIR: join(dir, 'data')
			};
			// In a process group of its own, stopped as a service manager or a Ctrl-C stops it: the signal
			// goes to npm, its shell and the server alike (npm alone does not pass it on).
			const npm = spawn('npm', ['start'], {
				cwd: clone,
				env,
				detached: true,
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let output = '';
			npm.stdout.on('data', (d: Buffer) => (output += d.toString()));
			npm.stderr.on('data', (d: Buffer) => (output += d.toString()));
			const exited = new Promise<void>((done) => npm.once('exit', () => done()));
			// Closed when every process of the group has let go of stdout, the server included.
			const closed = new Promise<void>((done) => npm.once('close', () => done()));

			try {
				const deadline = Date.now() + START_MS;
				let health = 0;
				while (health !== 200) {
					if (npm.exitCode !== null) throw new Error(`npm start s’est arrêté :\n${output}`);
					if (Date.now() > deadline) throw new Error(`pas de /api/health en ${START_MS} ms :\n${output}`);
					health = await fetch(`http://127.0.0.1:${port}/api/health`).then(
						(r) => r.status,
						() => 0
					);
					if (health !== 200) await new Promise((r) => setTimeout(r, 200));
				}
				expect(existsSync(join(clone, 'build-server/index.js'))).toBe(true);
				expect(output).toContain('construction du serveur');

				const shell = await fetch(`http://127.0.0.1:${port}/`);
				expect(shell.status).toBe(200);
				expect(shell.headers.get('content-type')).toContain('text/html');
				expect(await shell.text()).toContain('<meta name="town-name"');
			} finally {
				process.kill(-(npm.pid ?? 0), 'SIGTERM');
			}
			await exited;
			await closed;
			// Its shutdown ran to the end (printed just before it exits with 0) and nothing listens any more.
			expect(output).toContain('[portail] SIGTERM reçu');
			expect(output).toContain('[portail] arrêté');
			const after = await fetch(`http://127.0.0.1:${port}/api/health`).then(
				(r) => r.status,
				() => 0
			);
			expect(after).toBe(0);
		},
		START_MS + 30_000
	);
});
