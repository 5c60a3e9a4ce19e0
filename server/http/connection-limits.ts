import { readFileSync } from 'node:fs';
import type { Server, ServerOptions } from 'node:http';

/**
 * What keeps new clients served when a script opens thousands of sockets and sends nothing:
 * - `max` connections at once, below the process's file descriptor limit, so the server can still
 *   open its database and write e-mails (at the limit, Node closes each new connection at once);
 * - `perAddress` connections from one address (null behind the trusted proxy, whose connections
 *   all have its address: there the proxy limits each client), so one host cannot take them all;
 * - timeouts that close what holds a connection without using it: headers not sent in
 *   `headersTimeoutMs` (a silent socket too: Node answers 408), a request not over in three
 *   times that (one minute at least), five seconds idle between two requests.
 */
export type ConnectionLimits = { max: number; perAddress: number | null; headersTimeoutMs: number };

/** Descriptors the process keeps for itself beyond connections: database, WAL, logs, e-mails. */
export const RESERVED_DESCRIPTORS = 100;

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

/** Applies the global and per-address caps to a listening server. */
export function limitConnections(server: Server, limits: ConnectionLimits): void {
	server.maxConnections = limits.max;
	const perAddress = limits.perAddress;
	if (perAddress === null) return;
	const open = new Map<string, number>();
	server.prependListener('connection', (socket) => {
		const address = socket.remoteAddress ?? '';
		const count = (open.get(address) ?? 0) + 1;
		if (count > perAddress) {
			socket.destroy();
			return;
		}
		open.set(address, count);
		socket.once('close', () => {
			const left = (open.get(address) ?? 1) - 1;
			if (left > 0) open.set(address, left);
			else open.delete(address);
		});
	});
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
