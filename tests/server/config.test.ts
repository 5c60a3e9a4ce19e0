import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, VARIABLES } from '../../server/config.ts';
import { UNTRUSTED_PROXY_WARNING, untrustedForwardingWatch } from '../../server/http/client-ip.ts';
import { connectionCap, descriptorProblem, httpServerOptions } from '../../server/http/connection-limits.ts';

function problems(env: Record<string, string>): string[] {
	try {
		loadConfig(env);
	} catch (err) {
		if (err instanceof ConfigError) return err.problems;
		throw err;
	}
	return [];
}

describe('configuration from the environment', () => {
	it('has working defaults', () => {
		const config = loadConfig({});
		expect(config).toMatchObject({
			env: 'production',
			port: 3000,
			host: '127.0.0.1',
			dataDir: resolve('./data'),
			publicUrl: 'http://localhost:3000',
			smtpUrl: '',
			townName: 'Ville de Hesdigneul-lès-Boulogne'
		});
		expect(config.mailFrom).toBe('Ville de Hesdigneul-lès-Boulogne <mairie@hesdigneul-les-boulogne.fr>');
	});

	it('reads every variable', () => {
		const config = loadConfig({
			PORT: '8080',
			HOST: '0.0.0.0',
			DATA_DIR: '/srv/portail',
			PUBLIC_URL: 'https://portail.example.fr/',
			SMTP_URL: 'smtp://user:pass@mail.example.fr:587',
			MAIL_FROM: 'Mairie <mairie@example.fr>',
			TOWN_NAME: 'Ville de Samer'
		});
		expect(config).toMatchObject({
			port: 8080,
			host: '0.0.0.0',
			dataDir: '/srv/portail',
			publicUrl: 'https://portail.example.fr',
			smtpUrl: 'smtp://user:pass@mail.example.fr:587',
			mailFrom: 'Mairie <mairie@example.fr>',
			townName: 'Ville de Samer'
		});
	});

	it('treats an empty variable as unset', () => {
		expect(loadConfig({ PORT: '', SMTP_URL: '' }).port).toBe(3000);
	});

	it('names each bad value in French', () => {
		expect(problems({ PORT: 'abc' })).toEqual(['PORT doit être un nombre']);
		expect(problems({ PORT: '70000' })).toEqual(['PORT doit être compris entre 1 et 65535']);
		expect(problems({ PUBLIC_URL: 'portail' })).toEqual([
			'PUBLIC_URL doit être une adresse http(s) complète'
		]);
		expect(problems({ SMTP_URL: 'mail.example.fr' })).toEqual([
			'SMTP_URL doit commencer par smtp:// ou smtps://'
		]);
		expect(problems({ NODE_ENV: 'staging' })[0]).toMatch(/^NODE_ENV /);
		expect(problems({ PORT: 'x', TOWN_NAME: 'A' })).toHaveLength(2);
	});

	it('refuses the test clock outside tests', () => {
		expect(problems({ TEST_NOW: '2026-09-01T08:00:00Z' })).toEqual([
			"TEST_NOW n'est accepté qu'avec NODE_ENV=test"
		]);
		expect(loadConfig({ NODE_ENV: 'test', TEST_NOW: '2026-09-01T08:00:00Z' }).testNow).toBe(
			'2026-09-01T08:00:00Z'
		);
	});

	it('limits connections by default, and per address only when the proxy is not trusted', () => {
		expect(loadConfig({}).connections).toEqual({ max: null, perAddress: 50, headersTimeoutMs: 10_000 });
		const set = loadConfig({
			MAX_CONNECTIONS: '5000',
			MAX_CONNECTIONS_PER_IP: '20',
			HEADERS_TIMEOUT_S: '10'
		});
		expect(set.connections).toEqual({ max: 5000, perAddress: 20, headersTimeoutMs: 10_000 });
		expect(loadConfig({ TRUST_PROXY: 'true' }).connections.perAddress).toBeNull();
		expect(problems({ MAX_CONNECTIONS: '0' })).toEqual([
			'MAX_CONNECTIONS doit être compris entre 16 et 1000000'
		]);
		expect(problems({ MAX_CONNECTIONS_PER_IP: 'beaucoup' })).toEqual([
			'MAX_CONNECTIONS_PER_IP doit être un nombre'
		]);
		expect(problems({ HEADERS_TIMEOUT_S: '1.5' })).toEqual(['HEADERS_TIMEOUT_S doit être un nombre entier']);
		expect(problems({ TRUST_PROXY: 'oui' })).toEqual(['TRUST_PROXY doit valoir true ou false']);
	});

	it('closes idle and slow connections, checking often enough for the timeout to mean something', () => {
		expect(httpServerOptions({ max: 1000, perAddress: 50, headersTimeoutMs: 20_000 })).toEqual({
			headersTimeout: 20_000,
			requestTimeout: 60_000,
			keepAliveTimeout: 5_000,
			connectionsCheckingInterval: 5_000
		});
		expect(httpServerOptions({ max: 1000, perAddress: 50, headersTimeoutMs: 1000 })).toMatchObject({
			connectionsCheckingInterval: 250
		});
	});

	it('by default, as many connections as the descriptors allow, up to 10,000', () => {
		expect(connectionCap(null, 20_000)).toBe(10_000);
		expect(connectionCap(null, 1024)).toBe(924);
		expect(connectionCap(null, null)).toBe(924);
		expect(connectionCap(300, 20_000)).toBe(300);
	});

	it('keeps file descriptors for the database beyond MAX_CONNECTIONS', () => {
		expect(descriptorProblem(1000, 20_000)).toBeNull();
		expect(descriptorProblem(1000, null)).toBeNull();
		expect(descriptorProblem(1000, 1024)).toMatch(/^MAX_CONNECTIONS \(1000\) doit laisser 100 descripteurs/);
	});

	it('warns once when a request carries forwarding headers it does not trust', () => {
		const warnings: string[] = [];
		const watch = untrustedForwardingWatch((m) => warnings.push(m));
		expect(watch(['Host', 'portail', 'Accept', '*/*'])).toBe(true);
		expect(warnings).toEqual([]);
		expect(watch(['Host', 'portail', 'X-Forwarded-For', '198.51.100.7'])).toBe(false);
		expect(untrustedForwardingWatch((m) => warnings.push(m))(['forwarded', 'for=198.51.100.7'])).toBe(false);
		expect(warnings).toEqual([UNTRUSTED_PROXY_WARNING, UNTRUSTED_PROXY_WARNING]);
		expect(UNTRUSTED_PROXY_WARNING).toContain('TRUST_PROXY=true');
	});

	it('is documented in the README, every variable of it', () => {
		const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
		const configuration = readme.slice(
			readme.indexOf('## Configuration'),
			readme.indexOf('## Running it for a town')
		);
		const documented = [...configuration.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1]);
		expect(documented.sort()).toEqual([...VARIABLES].sort());
	});

	it('stops the server with exit code 1 and a clear message on a bad value', () => {
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
			env: { ...process.env, PORT: 'abc', DATA_DIR: '/tmp/portail-never-created' },
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Configuration invalide');
		expect(result.stderr).toContain('PORT doit être un nombre');
	});
});
