import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../server/http/security-headers.ts';
import { styleAttributeHashes } from '../../server/http/spa.ts';

const ANNOUNCER =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function builtApp(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'portail-style-'));
	dirs.push(dir);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

describe('style attributes of the built code, allowed by their hash only', () => {
	it("hashes each fixed style attribute of the build's HTML templates, once", () => {
		const dir = builtApp({
			'_app/immutable/entry/app.js': `var D=e(\`<div id="svelte-announcer" aria-live="assertive" style="${ANNOUNCER}"><!></div>\`);`,
			'_app/immutable/chunks/other.js': `e(\`<p style="${ANNOUNCER}">\`); e(\`<b style="color: red">\`)`,
			'_app/immutable/assets/app.css': 'a[style="color: blue"]{}',
			// Not a fixed attribute: built from data at run time, so never allowed by a hash.
			'_app/immutable/chunks/dynamic.js': 'e(`<i style="${x}">`); e("<u style=\\"a\\">")'
		});
		expect(styleAttributeHashes(dir)).toEqual([hash(ANNOUNCER), hash('color: red')].sort());
	});

	it('puts them in style-src-attr, leaving scripts and style sheets as strict as before', async () => {
		const app = new Hono()
			.use(securityHeaders({ scriptHashes: ['sha256-boot'], styleAttributeHashes: [hash(ANNOUNCER)] }))
			.get('/', (c) => c.text('page'));
		const policy = (await app.request('/')).headers.get('Content-Security-Policy') ?? '';
		const directives = Object.fromEntries(
			policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')])
		);
		expect(directives['script-src']).toBe("'self' 'sha256-boot'");
		expect(directives['style-src']).toBe("'self'");
		expect(directives['style-src-attr']).toBe(`'unsafe-hashes' '${hash(ANNOUNCER)}'`);
	});
});
