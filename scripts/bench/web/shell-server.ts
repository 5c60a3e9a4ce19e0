// The empty shell's server for the web benchmark: a tiny Hono static server, serving what the
// portal's server/http/spa.ts serves (precompressed .br/.gz files, the same cache headers, the
// fallback page for any page address), so that the two are compared on their code alone.
// Usage: PORT=4100 APP_DIR=bench/empty-shell/build node --import tsx scripts/bench/web/shell-server.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const appDir = process.env.APP_DIR ?? 'bench/empty-shell/build';
const port = Number(process.env.PORT ?? '4100');
const shell = readFileSync(join(appDir, 'index.html'), 'utf8');

const app = new Hono();
// What the bench polls to know the server listens, as the portal's /api/health.
app.get('/api/health', (c) => c.json({ ok: true }));
const sendShell = (c: Context) => {
	c.header('Cache-Control', REVALIDATE);
	return c.html(shell);
};
app.use('*', compress());
app.get('/', sendShell);
app.get('/index.html', sendShell);
app.use(
	'*',
	async (c, next) => {
		await next();
		if (c.res.status === 200 && !c.res.headers.has('Cache-Control'))
			c.res.headers.set('Cache-Control', c.req.path.startsWith('/_app/immutable/') ? IMMUTABLE : REVALIDATE);
	},
	serveStatic({ root: appDir, precompressed: true })
);
app.get('*', (c, next) => {
	if (c.req.path.startsWith('/_app/') || /\.[a-z0-9]+$/i.test(c.req.path)) return next();
	return sendShell(c);
});

serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => console.log(`coquille vide sur ${port}`));
