import { promisify } from 'node:util';
import { deflate, deflateSync, gunzipSync, gzip, gzipSync } from 'node:zlib';
import type { Context, TypedResponse } from 'hono';
import { parseAccept } from 'hono/utils/accept';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';

/** A JSON answer as Hono's c.json() types it, so the typed client (hc) knows what it holds. */
export type JsonResponse<T, S extends ContentfulStatusCode> = Response &
	TypedResponse<JSONParsed<T>, S, 'json'>;

type Encoding = 'gzip' | 'deflate';
/** Below this, compressing costs the server more than it saves a phone. */
const THRESHOLD = 1024;
/**
 * Above this (characters), compressed on libuv's thread pool rather than the event loop: a 9 MiB
 * Mes demandes answer took 389 ms of gzipSync, every other request of the town waiting (attack
 * review, finding 3). Below, one synchronous call (a millisecond or two) costs less than the trip.
 */
const ASYNC_THRESHOLD = 256 * 1024;
const compressAsync = { gzip: promisify(gzip), deflate: promisify(deflate) };
const compressSync = { gzip: gzipSync, deflate: deflateSync };

/** gzip or deflate as the client accepts them (q-values, `*`), gzip first: as Hono's compress(). */
function chooseEncoding(header: string | undefined): Encoding | undefined {
	if (header === undefined) return undefined;
	const accepts = parseAccept(header);
	const wildcard = accepts.find((a) => a.type === '*')?.q;
	let best: { encoding: Encoding; q: number } | undefined;
	for (const encoding of ['gzip', 'deflate'] as const) {
		const q = accepts.find((a) => a.type.toLowerCase() === encoding)?.q ?? wildcard ?? 0;
		if (q === 1) return encoding;
		if (q > 0 && (!best || q > best.q)) best = { encoding, q };
	}
	return best?.encoding;
}

type Body = Uint8Array<ArrayBuffer>;

/** Copied to its size: zlib hands back a view of a larger chunk, held as long as the answer is kept. */
const ownBody = (buffer: Buffer): Body =>
	buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
		? (new Uint8Array(buffer.buffer) as Body)
		: new Uint8Array(buffer);

/**
 * A JSON answer of the API, serialized once and compressed once per encoding the first time a
 * client asks for it (on the thread pool when large); kept by a cache, it is sent again as it is.
 * (Hono's compress() pipes answers through a CompressionStream: ten times the cost of one call here.)
 * The answer is built with every header it needs (the API's security set, encoding), plus those a
 * route or middleware set with c.header() before it (a cookie set or cleared), read from
 * c.newResponse(null) and never from c.res: once c.res exists, Hono copies the returned answer into
 * a new Response with a stream body, which @hono/node-server then reads back as a stream (a cached
 * read cost 165 µs of CPU instead of 73). Nor is the answer given to c.body()/c.newResponse():
 * a Headers object of ten entries costs a frequent read about 7 µs more than a plain object.
 */
export class JsonAnswer<T = unknown> {
	/** The JSON text, unless compact (then made again from the gzip body when asked). */
	readonly #text: string | undefined;
	/** The text's length, in characters. */
	readonly length: number;
	/** Kept as its gzip body alone (see the constructor). */
	readonly compact: boolean;
	/**
	 * The compressed bodies, one per encoding whatever the security headers (which differ in
	 * headers only); while a large one is being made, its promise, which every request awaits.
	 */
	readonly #bodies = new Map<Encoding, Body | Promise<Body>>();
	/** By the request's set of security headers (one object per set, see securityHeaders), then encoding. */
	readonly #headers = new Map<object | undefined, Map<Encoding | undefined, Record<string, string>>>();
	#textBytes: number | undefined;

	/**
	 * `compact`: for answers kept by the thousand (the agenda's pulls, 20 to 40 KB of JSON that gzip
	 * makes 1 to 3 KB): compressed at once, at gzip's fastest level (a few tenths of a millisecond
	 * less than its default on every first read, for a body about a third larger), and kept as that
	 * body alone, a tenth or less of the text. Sent as gzip, or as text made again from it for the
	 * rare client that accepts no gzip (deflate is not offered: nothing more to keep). An answer
	 * too large for one synchronous compression (ASYNC_THRESHOLD) is kept as any other.
	 */
	constructor(data: T, options: { compact?: boolean } = {}) {
		const text = JSON.stringify(data);
		this.length = text.length;
		this.compact = options.compact === true && text.length >= THRESHOLD && text.length <= ASYNC_THRESHOLD;
		if (this.compact) this.#bodies.set('gzip', ownBody(gzipSync(Buffer.from(text), { level: 1 })));
		else this.#text = text;
	}

	get text(): string {
		const gzipped = this.#bodies.get('gzip');
		return this.#text ?? (gzipped instanceof Uint8Array ? gunzipSync(gzipped).toString() : '');
	}

	/**
	 * The memory its text takes: V8 keeps a string at one byte a character when every character is
	 * Latin-1 (French is), and two otherwise.
	 */
	get textBytes(): number {
		this.#textBytes ??= this.text.length * (/[\u0100-\uffff]/.test(this.text) ? 2 : 1);
		return this.#textBytes;
	}

	/** The bytes of the body compressed for `encoding`, once made (0 before, and for a small answer). */
	encodedBytes(encoding: Encoding): number {
		const body = this.#bodies.get(encoding);
		return body instanceof Uint8Array ? body.byteLength : 0;
	}

	/**
	 * Makes the body compressed for `encoding` now, if this answer is ever compressed: for a cache
	 * that weighs what it keeps (encodedBytes) and for the requests waiting for it.
	 */
	async prepare(encoding: Encoding): Promise<void> {
		if (this.length >= THRESHOLD && !(this.compact && encoding !== 'gzip')) await this.#body(encoding);
	}

	respond<S extends ContentfulStatusCode = 200>(
		c: Context,
		status?: S
	): JsonResponse<T, S> | Promise<JsonResponse<T, S>> {
		let encoding = this.length < THRESHOLD ? undefined : chooseEncoding(c.req.header('Accept-Encoding'));
		if (this.compact && encoding !== 'gzip') encoding = undefined;
		const security = c.get('securityHeaders');
		let bySecurity = this.#headers.get(security);
		if (!bySecurity) this.#headers.set(security, (bySecurity = new Map()));
		let own = bySecurity.get(encoding);
		if (!own) bySecurity.set(encoding, (own = this.#ownHeaders(encoding, security)));
		c.set('answerComplete', true);
		// What c.header() prepared, read without creating c.res (see above): most answers have none,
		// and are then given their headers as a plain object, @hono/node-server's fastest path.
		const prepared = c.newResponse(null).headers;
		let headers: HeadersInit = own;
		if (!prepared.keys().next().done) {
			headers = new Headers(own);
			for (const [name, value] of prepared) headers.append(name, value);
		}
		const init = { status: status ?? 200, headers };
		const answer = (body: string | Body) => new Response(body, init) as JsonResponse<T, S>;
		if (!encoding) return answer(this.text);
		const body = this.#body(encoding);
		return body instanceof Promise ? body.then(answer) : answer(body);
	}

	#ownHeaders(
		encoding: Encoding | undefined,
		security: Readonly<Record<string, string>> | undefined
	): Record<string, string> {
		const headers: Record<string, string> = { ...security, 'Content-Type': 'application/json' };
		if (this.length < THRESHOLD) return headers;
		headers['Vary'] = 'Accept-Encoding';
		if (encoding) headers['Content-Encoding'] = encoding;
		return headers;
	}

	/** The body compressed for `encoding`, made once: concurrent requests share the same promise. */
	#body(encoding: Encoding): Body | Promise<Body> {
		let body = this.#bodies.get(encoding);
		if (body) return body;
		const text = Buffer.from(this.text);
		if (this.length <= ASYNC_THRESHOLD) body = ownBody(compressSync[encoding](text));
		else
			body = compressAsync[encoding](text).then(
				(compressed) => {
					const made = ownBody(compressed);
					this.#bodies.set(encoding, made);
					return made;
				},
				(error: unknown) => {
					// A failure is not kept: the next request tries again.
					this.#bodies.delete(encoding);
					throw error;
				}
			);
		this.#bodies.set(encoding, body);
		return body;
	}
}

/** For answers that can be large (lists, snapshots): compressed when it pays. */
export function jsonAnswer<T, S extends ContentfulStatusCode = 200>(
	c: Context,
	data: T,
	status?: S
): JsonResponse<T, S> | Promise<JsonResponse<T, S>> {
	return new JsonAnswer(data).respond(c, status);
}
