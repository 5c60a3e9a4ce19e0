import type { MiddlewareHandler } from 'hono';

declare module 'hono' {
	interface ContextVariableMap {
		/** This request's security headers, for an answer that carries them itself (JsonAnswer). */
		securityHeaders: Readonly<Record<string, string>>;
		/** Set by an answer built with every header it needs: the middlewares leave it as it is. */
		answerComplete: boolean;
	}
}

/**
 * Strict headers on every answer. The pages' policy allows only this origin; `scriptHashes` lets
 * the SPA's one inline boot script run (SvelteKit writes it into index.html at build time).
 * API answers are never documents: they get the shorter set advised for JSON APIs (OWASP REST
 * Security), whose policy allows nothing at all, since every byte of header is paid by every read,
 * and are never stored.
 * An answer can carry them from the start (see JsonAnswer): adding headers to an answer already
 * built costs a frequent API read a fifth of its time.
 */
export function securityHeaders(options: {
	scriptHashes: string[];
	styleAttributeHashes?: string[];
	/** TRUST_PROXY: X-Forwarded-Proto is the town's proxy's word, not anyone's. */
	trustProxy?: boolean;
}): MiddlewareHandler {
	const scriptSrc = ["'self'", ...options.scriptHashes.map((h) => `'${h}'`)].join(' ');
	// The built code's fixed style attributes (see styleAttributeHashes), and no other: style
	// sheets stay 'self' only, and scripts are untouched.
	const styleAttributes = options.styleAttributeHashes ?? [];
	const policy = [
		"default-src 'self'",
		`script-src ${scriptSrc}`,
		"style-src 'self'",
		...(styleAttributes.length > 0
			? [`style-src-attr 'unsafe-hashes' ${styleAttributes.map((h) => `'${h}'`).join(' ')}`]
			: []),
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
	const forAnything = {
		'X-Content-Type-Options': 'nosniff',
		'X-Frame-Options': 'DENY'
	};
	// A person's data: never kept by the browser's cache or a proxy (the app keeps it in IndexedDB).
	const forApi = {
		...forAnything,
		'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
		'Cache-Control': 'no-store'
	};
	const forPages = {
		...forAnything,
		'Content-Security-Policy': policy,
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'Cross-Origin-Opener-Policy': 'same-origin',
		'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()'
	};
	const trustProxy = options.trustProxy ?? false;
	const hsts = { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' };
	const sets = {
		api: { http: forApi, https: { ...forApi, ...hsts } },
		pages: { http: forPages, https: { ...forPages, ...hsts } }
	};
	return async (c, next) => {
		// Behind the town's TLS proxy the request arrives over http with X-Forwarded-Proto, which
		// counts only when the proxy is trusted: anyone else could write it.
		const https =
			c.req.url.startsWith('https:') || (trustProxy && c.req.header('x-forwarded-proto') === 'https');
		const headers =
			sets[c.req.path === '/api' || c.req.path.startsWith('/api/') ? 'api' : 'pages'][
				https ? 'https' : 'http'
			];
		c.set('securityHeaders', headers);
		await next();
		if (c.get('answerComplete')) return;
		const h = c.res.headers;
		for (const [name, value] of Object.entries(headers)) h.set(name, value);
	};
}
