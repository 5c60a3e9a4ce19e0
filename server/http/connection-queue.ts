import type { Socket } from 'node:net';

/** What a connection is doing: requests in flight on it (more than one when pipelined). */
export type ConnectionUse = { requests: number };

/**
 * Open connections, the one unused the longest first: by when it opened, or when its last
 * request was answered. What the connection caps close to make room (see connection-limits.ts).
 */
export class ConnectionQueue {
	readonly #sockets = new Map<Socket, ConnectionUse>();

	get size(): number {
		return this.#sockets.size;
	}

	add(socket: Socket, use: ConnectionUse): void {
		this.#sockets.set(socket, use);
	}

	remove(socket: Socket): void {
		this.#sockets.delete(socket);
	}

	/** Moves a connection to the end, as just used (a Map keeps the order of insertion). */
	touch(socket: Socket): void {
		const use = this.#sockets.get(socket);
		if (!use) return;
		this.#sockets.delete(socket);
		this.#sockets.set(socket, use);
	}

	/**
	 * The connection unused the longest that is serving no request (kept alive between two, or its
	 * headers not complete yet), or null when every one is serving a request.
	 */
	oldestIdle(): Socket | null {
		for (const [socket, use] of this.#sockets) if (use.requests === 0) return socket;
		return null;
	}
}
