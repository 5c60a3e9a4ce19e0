import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { addressGroup } from './address-group.ts';
import { ConnectionQueue, type ConnectionUse } from './connection-queue.ts';

/**
 * What keeps new clients served when a script opens thousands of sockets and sends nothing, or
 * sends its headers a line at a time:
 * - `max` connections at once, below the process's file descriptor limit, so the server can still
 *   open its database and write e-mails. At the cap a newcomer is not refused (that is what the
 *   script wants): the connection unused the longest that is serving no request is closed for it
 *   (a kept-alive one between two requests, or one whose headers or body are not complete). A
 *   client sends its request at once and is served; a socket holding a place without a request loses it
 *   to the next newcomer. Only when every connection is serving a request is the newcomer closed;
 * - `perAddress` connections from one address, an IPv6 one by its /64 (null behind the trusted
 *   proxy, whose connections all have its address: there the proxy limits each client), so one
 *   host cannot crowd the others' kept-alive connections out: at its cap, it loses its own oldest
 *   unused one the same way;
 * - timeouts that close what holds a connection without using it: headers not sent in
 *   `headersTimeoutMs` (a silent socket too: Node answers 408), a request not over in three
 *   times that (one minute at least), five seconds idle between two requests.
 * `max` null: as many as the process's descriptors allow, at most DEFAULT_MAX_CONNECTIONS.
 */
export type ConnectionLimits = { max: number | null; perAddress: number | null; headersTimeoutMs: number };

/** Descriptors the process keeps for itself beyond connections: database, WAL, logs, e-mails. */
export const RESERVED_DESCRIPTORS = 100;

/** An idle connection costs a few KiB: ten thousand of them fit a small server's memory. */
export const DEFAULT_MAX_CONNECTIONS = 10_000;

/** The cap in force: the configured one, or what the descriptors allow (1024 when unknown). */
export function connectionCap(max: number | null, descriptors: number | null): number {
	if (max !== null) return max;
	return Math.max(16, Math.min(DEFAULT_MAX_CONNECTIONS, (descriptors ?? 1024) - RESERVED_DESCRIPTORS));
}

/** Options for node:http's createServer (serve's `serverOptions`). */
export function httpServerOptions(limits: ConnectionLimits): ServerOptions {
	return {
		headersTimeout: limits.headersTimeoutMs,
		requestTimeout: Math.max(60_000, 3 * limits.headersTimeoutMs),
		keepAliveTimeout: 5_000,
		// How often Node looks for connections past those timeouts (30 s by default: too coarse).
		connectionsCheckingInterval: Math.min(5_000, Math.max(250, Math.floor(limits.headersTimeoutMs / 4)))
	};
}

/**
 * Applies the caps to a listening server (`max`, the cap in force: see connectionCap). Node's
 * own `server.maxConnections` would refuse the newcomer, so it is not set.
 */
export function limitConnections(server: Server, max: number, perAddress: number | null): void {
	const all = new ConnectionQueue();
	const byAddress = new Map<string, ConnectionQueue>();
	const uses = new WeakMap<Socket, ConnectionUse & { group: string }>();
	const forget = (socket: Socket) => {
		const use = uses.get(socket);
		if (!use) return;
		uses.delete(socket);
		all.remove(socket);
		const mine = byAddress.get(use.group);
		mine?.remove(socket);
		if (mine?.size === 0) byAddress.delete(use.group);
	};
	/** Closes `queue`'s oldest unused connection; false when all of them are serving a request. */
	const makeRoom = (queue: ConnectionQueue) => {
		const victim = queue.oldestIdle();
		if (!victim) return false;
		forget(victim);
		victim.destroy();
		return true;
	};
	server.prependListener('connection', (socket: Socket) => {
		const group = addressGroup(socket.remoteAddress ?? '');
		const mine = byAddress.get(group) ?? new ConnectionQueue();
		const full =
			(perAddress !== null && mine.size >= perAddress && !makeRoom(mine)) ||
			(all.size >= max && !makeRoom(all));
		if (full) {
			socket.destroy();
			return;
		}
		const use = { requests: 0, group };
		uses.set(socket, use);
		all.add(socket, use);
		mine.add(socket, use);
		byAddress.set(group, mine);
		socket.once('close', () => forget(socket));
	});
	server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		const socket = req.socket;
		const use = uses.get(socket);
		if (!use) return;
		// Serving once the request is all there: a body dribbled a byte at a time holds a place as
		// slow headers would (Node emits 'request' at the end of the headers), so until its last
		// byte the connection may lose its place to a newcomer. A body is read by the app as it
		// arrives ('end' at its last byte); a request without one is all there at once.
		let serving = false;
		let answered = false;
		const start = () => {
			if (answered || serving) return;
			serving = true;
			use.requests++;
		};
		if (hasBody(req)) req.once('end', start);
		else start();
		res.once('close', () => {
			answered = true;
			if (serving) use.requests--;
			all.touch(socket);
			byAddress.get(use.group)?.touch(socket);
		});
	});
}

/** Whether a body follows the request's headers (HTTP/1.1: a length above 0, or chunks). */
function hasBody(req: IncomingMessage): boolean {
	const length = req.headers['content-length'];
	return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The process's limit of open files (Linux), or null when it cannot be read. */
export function openFilesLimit(): number | null {
	try {
		const line = readFileSync('/proc/self/limits', 'utf8')
			.split('\n')
			.find((l) => l.startsWith('Max open files'));
		const soft = line?.split(/\s{2,}/)[1];
		return soft && /^\d+$/.test(soft) ? Number(soft) : null;
	} catch {
		return null;
	}
}

/** Null when `max` leaves the process its reserved descriptors, else the French reason it does not. */
export function descriptorProblem(max: number, limit: number | null): string | null {
	if (limit === null || max + RESERVED_DESCRIPTORS <= limit) return null;
	return `MAX_CONNECTIONS (${max}) doit laisser ${RESERVED_DESCRIPTORS} descripteurs de fichiers libres : la limite du processus est ${limit} (ulimit -n). Baissez MAX_CONNECTIONS ou relevez la limite.`;
}
