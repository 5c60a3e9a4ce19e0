import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { limitConnections } from '../../server/http/connection-limits.ts';

/** A socket as limitConnections sees it: an address, and closed once destroyed. */
class FakeSocket extends EventEmitter {
	destroyed = false;
	constructor(readonly remoteAddress: string) {
		super();
	}
	destroy() {
		if (this.destroyed) return;
		this.destroyed = true;
		queueMicrotask(() => this.emit('close'));
	}
}

function fakeServer(max: number, perAddress: number | null) {
	const server = new EventEmitter();
	limitConnections(server as unknown as Server, max, perAddress);
	const open = (address: string) => {
		const socket = new FakeSocket(address);
		server.emit('connection', socket as unknown as Socket);
		return socket;
	};
	/** A request on `socket`; its answer's end, to call. */
	const request = (socket: FakeSocket) => {
		const res = new EventEmitter();
		server.emit('request', { socket, headers: {} }, res);
		return () => res.emit('close');
	};
	/** A request whose body follows its headers: the arrival of its last byte, to call. */
	const upload = (socket: FakeSocket) => {
		const req = Object.assign(new EventEmitter(), { socket, headers: { 'content-length': '15000' } });
		server.emit('request', req, new EventEmitter());
		return () => req.emit('end');
	};
	return { open, request, upload };
}

describe('the connection caps', () => {
	it('at the global cap, close the connection unused the longest that serves no request', () => {
		const { open, request } = fakeServer(3, null);
		const [a, b, c] = [open('192.0.2.1'), open('192.0.2.2'), open('192.0.2.3')];
		request(a); // a is serving a request: it stays
		const answered = request(b);
		answered(); // b was just used: it goes to the back
		const d = open('192.0.2.4');
		expect([a, b, c, d].map((s) => s.destroyed)).toEqual([false, false, true, false]);
		const e = open('192.0.2.5');
		expect([a, b, d, e].map((s) => s.destroyed)).toEqual([false, true, false, false]);
	});

	it('refuses the newcomer only when every connection is serving a request', () => {
		const { open, request } = fakeServer(2, null);
		const [a, b] = [open('192.0.2.1'), open('192.0.2.2')];
		request(a);
		request(b);
		const c = open('192.0.2.3');
		expect([a.destroyed, b.destroyed, c.destroyed]).toEqual([false, false, true]);
	});

	it('counts a request with a body as serving only once its body is all there', () => {
		const { open, upload } = fakeServer(2, null);
		const [a, b] = [open('192.0.2.1'), open('192.0.2.2')];
		upload(a); // its body dribbles: a holds a place without a request to serve
		const arrived = upload(b);
		arrived(); // b's body is all there: b is serving
		const c = open('192.0.2.3');
		expect([a.destroyed, b.destroyed, c.destroyed]).toEqual([true, false, false]);
		const d = open('192.0.2.4');
		expect([b.destroyed, c.destroyed, d.destroyed]).toEqual([false, true, false]);
	});

	it('at one address’s cap, closes that address’s own oldest unused one; an IPv6 /64 is one address', () => {
		const { open } = fakeServer(100, 2);
		const other = open('192.0.2.9');
		const [a, b] = [open('2001:db8:1:2::1'), open('2001:db8:1:2::2')];
		const c = open('2001:db8:1:2:ffff::3');
		expect([other, a, b, c].map((s) => s.destroyed)).toEqual([false, true, false, false]);
		const neighbour = open('2001:db8:1:3::1');
		expect([b, c, neighbour].map((s) => s.destroyed)).toEqual([false, false, false]);
	});
});
