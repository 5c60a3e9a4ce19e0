import type { MiddlewareHandler } from 'hono';

/**
 * Strict headers on every answer. The policy allows only this origin; `scriptHashes` lets the
 * SPA's one inline boot script run (SvelteKit writes it into index.html at build time).
 */
export function securityHeaders(options: { scriptHashes: string[] }): MiddlewareHandler {
	const scriptSrc = ["'self'", ...options.scriptHashes.map((h) => `'${h}'`)].join(' ');
	const policy = [
		"default-src 'self'",
		`script-src ${scriptSrc}`,
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"worker-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	].join('; ');
	return async (c, next) => {
		await next();
		const h = c.res.headers;
		h.set('Content-Security-Policy', policy);
		h.set('X-Content-Type-Options', 'nosniff');
		h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
		h.set('X-Frame-Options', 'DENY');
		h.set('Cross-Origin-Opener-Policy', 'same-origin');
		h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
		// Behind the town's TLS proxy the request arrives over http with X-Forwarded-Proto.
		const proto = c.req.header('x-forwarded-proto') ?? new URL(c.req.url).protocol.replace(':', '');
		if (proto === 'https') h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	};
}
