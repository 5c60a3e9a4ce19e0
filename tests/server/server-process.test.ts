import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { freePort } from '../e2e/support/portal-server.ts';
import { expectError } from './support/expect.ts';
import { tempDir } from './support/test-app.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// The server runs with 512 file descriptors: without its caps, the sockets below would exhaust them.
const FILES = 512;
const LIMITS = { MAX_CONNECTIONS: '300', MAX_CONNECTIONS_PER_IP: '50' };

/** The real server (`node server/index.ts`), in its own process with `ulimit -n`. */
function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
	let output = '';
	const child = spawn(
		'sh',
		['-c', `ulimit -n ${FILES} && exec "${process.execPath}" --import tsx server/index.ts`],
		{
			cwd: ROOT,
			env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
	return { child, output: () => output };
}

async function until(condition: () => boolean | Promise<boolean>, ms: number, what: string) {
	const deadline = Date.now() + ms;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`${what} : pas en ${ms} ms`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

/** `count` sockets from `localAddress` that connect and then say nothing. */
function idleSockets(port: number, localAddress: string, count: number) {
	const sockets: Socket[] = [];
	let closed = 0;
	let connected = 0;
	for (let i = 0; i < count; i++) {
		const socket = connect({ host: '127.0.0.1', port, localAddress });
		socket.on('error', () => {});
		socket.on('connect', () => connected++);
		socket.on('close', () => closed++);
		socket.resume();
		sockets.push(socket);
	}
	return {
		open: () => count - closed,
		settled: () => connected + closed >= count,
		destroy: () => sockets.forEach((s) => s.destroy())
	};
}

/**
 * The reviewer's slowloris: `perAddress` sockets from each of `addresses` addresses, each sending
 * a request's first line then one header line a second, never the end of its headers, and
 * reconnecting 200 ms after the server closes it, as an attacker would.
 */
function slowSockets(
	port: number,
	addresses: string[],
	perAddress: number,
	slow: 'headers' | 'body' = 'headers'
) {
	const open = new Set<Socket>();
	let stopped = false;
	let closedByServer = 0;
	const start = (localAddress: string) => {
		if (stopped) return;
		const socket = connect({ host: '127.0.0.1', port, localAddress });
		const drip = setInterval(
			() => socket.writable && socket.write(slow === 'headers' ? `X-Lent-${open.size}: b\r\n` : ' '),
			1000
		);
		socket.on('connect', () => {
			// A socket still connecting when the attack stopped would otherwise drip on, unseen,
			// and hold the server's shutdown (a later test) until its header timeout.
			if (stopped) return socket.destroy();
			open.add(socket);
			socket.write(
				slow === 'headers'
					? 'GET /api/health HTTP/1.1\r\nHost: localhost\r\n'
					: // Headers complete and accepted (size under the limit, the portal's origin), then a
						// body of 15,000 bytes sent one a second (R.U.D.Y.).
						`POST /api/auth/login HTTP/1.1\r\nHost: localhost:${port}\r\nOrigin: http://localhost:${port}\r\n` +
							'Content-Type: application/json\r\nContent-Length: 15000\r\n\r\n'
			);
		});
		socket.on('error', () => {});
		socket.resume();
		socket.on('close', () => {
			clearInterval(drip);
			if (open.delete(socket)) closedByServer++;
			setTimeout(() => start(localAddress), 200);
		});
	};
	for (const address of addresses) for (let i = 0; i < perAddress; i++) start(address);
	return {
		open: () => open.size,
		closedByServer: () => closedByServer,
		stop: () => {
			stopped = true;
			open.forEach((s) => s.destroy());
		}
	};
}

/** /api/health on a connection of its own from `localAddress`: its status, 0 when refused or too slow. */
function healthFrom(port: number, localAddress: string): Promise<number> {
	return new Promise((done) => {
		const req = request(
			{ host: '127.0.0.1', port, path: '/api/health', localAddress, agent: false, timeout: 2000 },
			(res) => {
				res.resume();
				done(res.statusCode ?? 0);
			}
		);
		req.on('timeout', () => req.destroy());
		req.on('error', () => done(0));
		req.end();
	});
}

async function health(port: number): Promise<number> {
	const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
	return res.status;
}

/** A server of its own on a new data folder; `prepare` may put rows in its database first. */
async function serverWith(env: Record<string, string>, prepare?: (dataDir: string) => Promise<void>) {
	const dataDir = tempDir();
	await prepare?.(dataDir);
	const port = await freePort();
	const appDir = join(dataDir, 'no-build');
	mkdirSync(appDir, { recursive: true });
	const server = startServer({ ...LIMITS, ...env, PORT: String(port), DATA_DIR: dataDir, APP_DIR: appDir });
	await until(() => server.output().includes('écoute'), 30_000, 'démarrage');
	return { ...server, port, dataDir };
}

/** Leftovers of an old run, expired long ago. */
async function oldRows(dataDir: string) {
	const { db } = openDatabase(dataDir);
	await migrateToLatest(db);
	await db
		.insertInto('auth_failure')
		.values({ account_key: 'connexion:x', ip: '203.0.113.5', at: '2020-01-01T00:00:00.000Z' })
		.execute();
	await db
		.insertInto('account_request')
		.values({
			email: 'x@example.org',
			identity_json: '{}',
			token_hash: 'x',
			expires_at: '2020-01-01',
			created_at: '2020-01-01'
		})
		.execute();
	await db.destroy();
}

describe('the server process', () => {
	let main: Awaited<ReturnType<typeof serverWith>>;
	let quick: Awaited<ReturnType<typeof serverWith>>;

	beforeAll(async () => {
		// `quick` closes a connection that sends no complete request within a second.
		[main, quick] = await Promise.all([serverWith({}, oldRows), serverWith({ HEADERS_TIMEOUT_S: '1' })]);
	}, 60_000);

	afterAll(() => {
		for (const server of [main, quick]) if (server?.child.exitCode === null) server.child.kill('SIGKILL');
	});

	it('purges expired rows at start', async () => {
		const { db } = openDatabase(main.dataDir);
		try {
			await until(
				async () =>
					(await db.selectFrom('auth_failure').select('id').execute()).length === 0 &&
					(await db.selectFrom('account_request').select('id').execute()).length === 0,
				5000,
				'purge'
			);
		} finally {
			await db.destroy();
		}
	});

	it('keeps answering new clients while one address holds 2,000 idle sockets', async () => {
		const attack = idleSockets(main.port, '127.0.0.2', 2000);
		try {
			await until(attack.settled, 10_000, 'connexions');
			expect(await health(main.port)).toBe(200);
			expect(await health(main.port)).toBe(200);
		} finally {
			attack.destroy();
		}
	});

	it.each([
		{ what: 'slow headers', slow: 'headers' },
		{ what: 'a body sent a byte a second', slow: 'body' }
	] as const)(
		'answers new clients while 20 addresses hold more than every place with $what, reconnecting',
		{ timeout: 20_000 },
		async ({ slow }) => {
			// 20 × 20 = 400 sockets for the 300 places, none of them ever completing its request.
			const addresses = Array.from({ length: 20 }, (_, i) => `127.0.1.${i + 1}`);
			const attack = slowSockets(main.port, addresses, 20, slow);
			try {
				await until(() => attack.open() >= 290, 10_000, 'connexions lentes');
				const statuses: number[] = [];
				for (let i = 0; i < 40; i++) {
					statuses.push(await healthFrom(main.port, `127.0.2.${i + 1}`));
					await new Promise((r) => setTimeout(r, 100));
				}
				// Every place stayed taken, by sockets that lost theirs to the newcomers and came back.
				expect(attack.open()).toBeGreaterThanOrEqual(250);
				expect(attack.closedByServer()).toBeGreaterThanOrEqual(40);
				expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(38);
			} finally {
				attack.stop();
			}
		}
	);

	it('closes connections that send nothing, so many addresses cannot hold every place', async () => {
		// 10 addresses × 30 = 300: every place taken, by sockets that never send a request.
		const attacks = Array.from({ length: 10 }, (_, i) => idleSockets(quick.port, `127.0.0.${10 + i}`, 30));
		try {
			await until(() => attacks.every((a) => a.settled()), 10_000, 'connexions');
			await until(() => attacks.every((a) => a.open() === 0), 4000, 'fermeture des connexions muettes');
			expect(await health(quick.port)).toBe(200);
		} finally {
			attacks.forEach((a) => a.destroy());
		}
	});

	it('answers a request too long for Node to read (431) with the API’s JSON error, in French', async () => {
		const res = await fetch(`http://127.0.0.1:${main.port}/api/health?q=${'a'.repeat(20_000)}`);
		await expectError(res, 431, { code: 'request_too_large', message: /^Requête trop longue/ });
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await health(main.port)).toBe(200);
	});

	it('warns once when requests come through a proxy it does not trust', async () => {
		for (let i = 0; i < 3; i++) {
			await fetch(`http://127.0.0.1:${main.port}/api/health`, {
				headers: { 'X-Forwarded-For': '198.51.100.7' }
			});
		}
		await until(() => main.output().includes('TRUST_PROXY'), 2000, 'avertissement');
		expect(main.output().split('TRUST_PROXY n’est pas activé').length - 1).toBe(1);
	});

	it('stops cleanly on SIGTERM', async () => {
		const exited = new Promise<number | null>((done) => main.child.once('exit', (code) => done(code)));
		main.child.kill('SIGTERM');
		expect(await exited).toBe(0);
		expect(main.output()).toContain('[portail] arrêté');
	});
});

describe('starting with too many connections for the descriptors', () => {
	it('stops with exit code 1 and says what to change', () => {
		const result = spawnSync(
			'sh',
			['-c', `ulimit -n ${FILES} && exec "${process.execPath}" --import tsx server/index.ts`],
			{
				cwd: ROOT,
				env: { ...process.env, MAX_CONNECTIONS: '1000', DATA_DIR: '/tmp/portail-never-created' },
				encoding: 'utf8',
				timeout: 30_000
			}
		);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			'MAX_CONNECTIONS (1000) doit laisser 100 descripteurs de fichiers libres'
		);
		expect(result.stderr).toContain('la limite du processus est 512');
	});
});
