import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const TOWN_PLACEHOLDER = /%portail\.town%/g;
const DEMO_PLACEHOLDER = /%portail\.demo%/g;

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/**
 * The CSP hashes of the fixed `style="…"` attributes written in the built code's HTML templates
 * (SvelteKit's route announcer keeps itself visually hidden with one). Only those exact strings are
 * allowed ('unsafe-hashes'); a style set from script goes through the CSSOM, which CSP leaves alone.
 */
export function styleAttributeHashes(appDir: string): string[] {
	const dir = join(appDir, '_app', 'immutable');
	if (!existsSync(dir)) return [];
	const values = new Set<string>();
	for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		if (!name.endsWith('.js')) continue;
		for (const m of readFileSync(join(dir, name), 'utf8').matchAll(/\sstyle="([^"\\`$<>]*)"/g))
			values.add(m[1] ?? '');
	}
	return [...values].sort().map(sha256);
}

/**
 * The built fallback page with the town's name written in (header and title at first paint, also
 * in the service worker's offline copy) and whether this is the demonstration portal (its sign-in
 * page shows the demo accounts at first paint, not when the session answers), the CSP hashes of its inline boot script, and those of the
 * style attributes of the built code.
 */
export function renderShell(
	appDir: string,
	townName: string,
	demo = false
): { html: string; scriptHashes: string[]; styleAttributeHashes: string[] } | null {
	const file = join(appDir, 'index.html');
	if (!existsSync(file)) return null;
	const html = readFileSync(file, 'utf8')
		.replace(TOWN_PLACEHOLDER, escapeHtml(townName))
		.replace(DEMO_PLACEHOLDER, demo ? 'true' : 'false');
	const scriptHashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) =>
		sha256(m[1] ?? '')
	);
	return { html, scriptHashes, styleAttributeHashes: styleAttributeHashes(appDir) };
}

/**
 * Hashed files never change under their name; everything else (the service worker, the manifest,
 * icons) must be revalidated so a new version reaches the phone.
 */
const staticCaching: MiddlewareHandler = async (c, next) => {
	await next();
	if (c.res.status === 200 && !c.res.headers.has('Cache-Control')) {
		c.res.headers.set('Cache-Control', c.req.path.startsWith('/_app/immutable/') ? IMMUTABLE : REVALIDATE);
	}
};

/** A missing file asked for by something else than a browser tab (a script, an image): still French. */
const NOT_FOUND_PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Page introuvable — Portail citoyen</title></head>
<body><main><h1>Page introuvable</h1><p>Cette adresse ne correspond à aucun fichier du portail.</p><p><a href="/">Retour à l'accueil du portail</a></p></main></body>
</html>
`;

/**
 * Serves the built SPA from `appDir`, precompressed (brotli or gzip files built beside each asset),
 * and the shell for page paths so deep links work. Missing paths under /_app/ or with a file
 * extension are real 404s, not the app: a browser tab gets the shell with that status (the app then
 * draws its own "Page introuvable", in its layout, with a way home), anything else a short French page.
 */
export function mountSpa(app: Hono, appDir: string, shell: { html: string } | null): void {
	const sendShell = (c: Context) => {
		c.header('Cache-Control', REVALIDATE);
		return shell ? c.html(shell.html) : c.text("L'application n'est pas construite (npm run build).", 503);
	};
	app.use('*', compress());
	app.get('/', sendShell);
	app.get('/index.html', sendShell);
	app.use('*', staticCaching, serveStatic({ root: appDir, precompressed: true }));
	app.get('*', (c, next) => {
		const path = c.req.path;
		if (path.startsWith('/_app/') || /\.[a-z0-9]+$/i.test(path)) return next();
		return sendShell(c);
	});
	app.notFound((c) => {
		c.header('Cache-Control', REVALIDATE);
		const tab = c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html');
		return c.html(tab && shell ? shell.html : NOT_FOUND_PAGE, 404);
	});
}
