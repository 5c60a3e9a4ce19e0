import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderShell } from '../../server/http/spa.ts';

const PAGE = `<!doctype html><html><head><meta name="town-name" content="%portail.town%" />
<meta name="portail-demo" content="%portail.demo%" /><title>%portail.town% — Portail citoyen</title></head>
<body><script>boot()</script></body></html>`;

describe('the shell the server writes', () => {
	let dir = '';
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	function shell(townName: string, demo?: boolean) {
		dir = mkdtempSync(join(tmpdir(), 'portail-shell-'));
		writeFileSync(join(dir, 'index.html'), PAGE);
		return renderShell(dir, townName, demo)?.html ?? '';
	}

	it('names the town, escaped, in the header meta and the title', () => {
		const html = shell('Ville de <Samer> & co');
		expect(html).toContain('<meta name="town-name" content="Ville de &#60;Samer&#62; &#38; co" />');
		expect(html).toContain('<title>Ville de &#60;Samer&#62; &#38; co — Portail citoyen</title>');
	});

	it('says whether it is the demonstration portal, so its sign-in page shows the accounts at first paint', () => {
		expect(shell('Samer', true)).toContain('<meta name="portail-demo" content="true" />');
		expect(shell('Samer', false)).toContain('<meta name="portail-demo" content="false" />');
		expect(shell('Samer')).not.toContain('%portail');
	});
});
