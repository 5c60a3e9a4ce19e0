import { deflateSync, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { parseAccept } from 'hono/utils/accept';

type Encoding = 'gzip' | 'deflate';
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

/**
 * Compresses the API's JSON answers as Hono's compress() does (same choice of encoding, Vary,
 * Content-Length threshold), but in one zlib call on the whole body: the answers are built in
 * memory anyway, and piping them through a CompressionStream cost ten times more (about 1 ms for
 * a month of agenda, most of a request under load).
 */
export const compressJson: MiddlewareHandler = async (c, next) => {
	await next();
	const res = c.res;
	const length = res.headers.get('Content-Length');
	if (
		res.status === 206 ||
		c.req.method === 'HEAD' ||
		!res.body ||
		res.headers.has('Content-Encoding') ||
		res.headers.has('Transfer-Encoding') ||
		(length && Number(length) < THRESHOLD) ||
		!/^\s*application\/json(?:[;\s]|$)/i.test(res.headers.get('Content-Type') ?? '') ||
		/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')
	)
		return;
	const vary = res.headers.get('Vary');
	if (vary !== '*' && !(vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) {
		c.header('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
	}
	const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
	if (!encoding) return;
	const body = new Uint8Array(await res.arrayBuffer());
	c.res = new Response(encoding === 'gzip' ? gzipSync(body) : deflateSync(body), res);
	c.res.headers.delete('Content-Length');
	c.res.headers.set('Content-Encoding', encoding);
};
