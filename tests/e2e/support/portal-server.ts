import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.on('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))
			);
		});
	});
}

/**
 * The real server as a separate process, so a test can stop it (proving the app works with no
 * server at all, which Playwright's setOffline cannot: it leaves service-worker traffic alone)
 * and start it again on the same port and data.
 */
export class PortalServer {
	#process: ChildProcess | null = null;
	#log = '';

	constructor(
		readonly port: number,
		readonly env: Record<string, string>
	) {}

	get url(): string {
		return `http://localhost:${this.port}`;
	}

	get log(): string {
		return this.#log;
	}

	async start(): Promise<void> {
		const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
			cwd: ROOT,
			env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(this.port), ...this.env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.#process = child;
		child.stdout?.on('data', (d: Buffer) => (this.#log += d.toString()));
		child.stderr?.on('data', (d: Buffer) => (this.#log += d.toString()));
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`Le serveur s'est arrêté :\n${this.#log}`);
			try {
				const res = await fetch(`http://127.0.0.1:${this.port}/api/health`);
				if (res.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`Le serveur n'a pas répondu en 30 s :\n${this.#log}`);
	}

	async stop(): Promise<void> {
		const child = this.#process;
		this.#process = null;
		await stopChild(child);
	}
}

/** Ends a server process with SIGTERM (the portal's clean stop) and waits until it has exited. */
export async function stopChild(child: ChildProcess | null): Promise<void> {
	if (!child || child.exitCode !== null) return;
	await new Promise<void>((done) => {
		child.once('exit', () => done());
		child.kill('SIGTERM');
	});
}
