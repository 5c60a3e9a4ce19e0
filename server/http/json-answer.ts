import { deflateSync, gzipSync } from 'node:zlib';
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

type Variant = { body: string | Uint8Array<ArrayBuffer>; headers: Record<string, string> };

/**
 * A JSON answer of the API, serialized once and compressed in one zlib call per encoding the first
 * time a client asks for it; kept by a cache, it is sent again as it is. (Hono's compress() pipes
 * answers through a CompressionStream: ten times the cost of one call here.)
 * The answer is built with every header it needs (the API's security set, encoding), plus those a
 * route or middleware set with c.header() before it (a cookie set or cleared), read from
 * c.newResponse(null) and never from c.res: once c.res exists, Hono copies the returned answer into
 * a new Response with a stream body, which @hono/node-server then reads back as a stream (a cached
 * read cost 165 µs of CPU instead of 73). Nor is the answer given to c.body()/c.newResponse():
 * a Headers object of ten entries costs a frequent read about 7 µs more than a plain object.
 */
export class JsonAnswer<T = unknown> {
	readonly text: string;
	/** By the request's set of security headers (one object per set, see securityHeaders), then encoding. */
	readonly #variants = new Map<object | undefined, Map<Encoding | undefined, Variant>>();

	constructor(data: T) {
		this.text = JSON.stringify(data);
	}

	respond<S extends ContentfulStatusCode = 200>(c: Context, status?: S): JsonResponse<T, S> {
		const encoding =
			this.text.length < THRESHOLD ? undefined : chooseEncoding(c.req.header('Accept-Encoding'));
		const security = c.get('securityHeaders');
		let bySecurity = this.#variants.get(security);
		if (!bySecurity) this.#variants.set(security, (bySecurity = new Map()));
		let variant = bySecurity.get(encoding);
		if (!variant) bySecurity.set(encoding, (variant = this.#variant(encoding, security)));
		c.set('answerComplete', true);
		// What c.header() prepared, read without creating c.res (see above): most answers have none,
		// and are then given their headers as a plain object, @hono/node-server's fastest path.
		const prepared = c.newResponse(null).headers;
		let headers: HeadersInit = variant.headers;
		if (!prepared.keys().next().done) {
			headers = new Headers(variant.headers);
			for (const [name, value] of prepared) headers.append(name, value);
		}
		return new Response(variant.body, { status: status ?? 200, headers }) as JsonResponse<T, S>;
	}

	#variant(encoding: Encoding | undefined, security: Readonly<Record<string, string>> | undefined): Variant {
		const headers: Record<string, string> = { ...security, 'Content-Type': 'application/json' };
		if (this.text.length < THRESHOLD) return { body: this.text, headers };
		headers['Vary'] = 'Accept-Encoding';
		if (!encoding) return { body: this.text, headers };
		headers['Content-Encoding'] = encoding;
		const text = Buffer.from(this.text);
		// Copied to its size: zlib hands back a view of a 16 KiB chunk, held as long as the answer is kept.
		const encoded = new Uint8Array(encoding === 'gzip' ? gzipSync(text) : deflateSync(text));
		return { body: encoded, headers };
	}
}

/** For answers that can be large (lists, snapshots): compressed when it pays. */
export function jsonAnswer<T, S extends ContentfulStatusCode = 200>(
	c: Context,
	data: T,
	status?: S
): JsonResponse<T, S> {
	return new JsonAnswer(data).respond(c, status);
}
