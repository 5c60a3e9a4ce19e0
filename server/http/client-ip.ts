import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The caller's address. Behind the town's reverse proxy (TRUST_PROXY=true) it is the last address
 * the proxy added to X-Forwarded-For; otherwise the socket's, since a client can write any header.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
	if (trustProxy) {
		const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
		if (forwarded) return forwarded;
	}
	try {
		return getConnInfo(c).remote.address ?? 'inconnue';
	} catch {
		return 'inconnue';
	}
}
